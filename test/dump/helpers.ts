import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import type { Test } from 'tap'
import { writeDump } from '../../src/dump/export.js'
import type { SecretOptions } from '../../src/dump/format.js'
import { importDump } from '../../src/dump/import.js'
import type { Progress } from '../../src/dump/progress.js'
import { DUMP_TABLES, type DumpRow, type DumpTable, type Repos } from '../../src/persistence/contract.js'
import { DUMP_SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import type { TestApp } from '../helper.js'

export const quiet: Progress = { start() {}, advance() {}, stop() {} }

export async function collect(rows: AsyncIterable<DumpRow>): Promise<DumpRow[]> {
  const collected: DumpRow[] = []
  for await (const row of rows) collected.push(row)
  return collected
}

/** Every row of a snapshot of `repos`, read in batches of `batchSize`. */
export const snapshotRows = (repos: Repos, batchSize?: number) =>
  repos.dump.snapshot((snapshot) => collect(snapshot.rows(batchSize)))

export async function* fromArray(rows: DumpRow[]): AsyncGenerator<DumpRow> {
  yield* rows
}

/** The rows, then a failure: the source of a load breaking halfway. */
export async function* failingAfter(rows: DumpRow[], count: number): AsyncGenerator<DumpRow> {
  yield* rows.slice(0, count)
  throw new Error('the dump file went away')
}

/** Every row, through the repositories' own lists, in canonical (oldest-first) order. */
export async function listedRows(repos: Repos): Promise<DumpRow[]> {
  const all = { limit: 200, filter: {} }
  const oldestFirst = <T>(items: T[]) => [...items].reverse()
  return [
    ...oldestFirst((await repos.tasks.list(all)).items).map((row) => ({ table: 'tasks' as const, row })),
    ...oldestFirst((await repos.bugs.list(all)).items).map((row) => ({ table: 'bugs' as const, row })),
    ...oldestFirst((await repos.statusUpdates.list(all)).items).map((row) => ({
      table: 'status_updates' as const,
      row,
    })),
    ...(await repos.designNotes.list({ ...all, order: 'asc' })).items.map((row) => ({
      table: 'design_notes' as const,
      row,
    })),
    ...oldestFirst((await repos.audit.list(all)).items).map((row) => ({
      table: 'audit_entries' as const,
      row,
    })),
  ]
}

/** The dump of `repos` as text. */
export async function dumpText(repos: Repos, options: SecretOptions = {}): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk) => chunks.push(chunk))
  await writeDump(repos.dump, DUMP_SCHEMA_VERSION, out, quiet, options)
  out.end()
  return Buffer.concat(chunks).toString('utf8')
}

/** A dump without its header line, whose `exportedAt` differs from one export to the next. */
export const rowsAndEnd = (dump: string) => dump.slice(dump.indexOf('\n') + 1)

export async function exportToFile(t: Test, repos: Repos, name = 'dump.ndjson') {
  // testdirName, not testdir(): a second testdir() in the same test would empty the folder.
  mkdirSync(t.testdirName, { recursive: true })
  const path = join(t.testdirName, name)
  writeFileSync(path, await dumpText(repos))
  return path
}

export const importFile = (path: string, repos: Repos, dryRun = false, options: SecretOptions = {}) =>
  importDump(
    path,
    { dump: repos.dump, schemaVersion: DUMP_SCHEMA_VERSION },
    { dryRun, progress: quiet, ...options },
  )

/**
 * Writes a dump from row lines with a correct header, counts and checksum, so a test can show that one
 * particular check (duplicates, references, limits) catches what the checksum would not.
 */
export function forgeDump(path: string, rowLines: string[], header: Record<string, unknown> = {}) {
  const counts = Object.fromEntries(DUMP_TABLES.map((table) => [table, 0])) as Record<DumpTable, number>
  const hash = createHash('sha256')
  for (const line of rowLines) {
    counts[JSON.parse(line).table as DumpTable]++
    hash.update(`${line}\n`)
  }
  const head = {
    format: 'trail-dump',
    formatVersion: 1,
    schemaVersion: DUMP_SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    counts,
    ...header,
  }
  const end = { end: true, counts, sha256: hash.digest('hex') }
  writeFileSync(path, [JSON.stringify(head), ...rowLines, JSON.stringify(end)].map((l) => `${l}\n`).join(''))
}

export const rowLinesOf = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1, -1)

/** Data in every state the API can produce: superseded notes, deleted tasks, detached bugs, long audit. */
export async function seedEverything(app: TestApp) {
  const post = async (url: string, payload: object, actor = 'ada') =>
    (await app.inject({ method: 'POST', url, payload, headers: { 'x-actor': actor } })).json()
  const keep = await post('/tasks', { title: 'Keep me', assignees: ['ada', 'bo'], rationale: 'first' })
  const doomed = await post('/tasks', { title: 'Delete me', priority: 'critical' })
  await post('/bugs', {
    title: 'Attached then detached',
    severity: 'high',
    taskId: doomed.id,
    reproSteps: ['a', 'b'],
  })
  const bug = await post('/bugs', { title: 'Loose', severity: 'low', proposedFix: 'fix it' })
  await post('/status-updates', { message: 'on the doomed task', taskId: doomed.id }, 'bob')
  await post('/status-updates', { message: 'on the kept task', taskId: keep.id }, 'bob')
  const note = await post('/design-notes', { title: 'Old', context: 'c', decision: 'd', consequences: 'e' })
  await post('/design-notes', {
    title: 'New',
    context: 'c',
    decision: 'd',
    consequences: 'e',
    supersedes: note.id,
  })
  let version = 1
  for (let i = 0; i < 30; i++) {
    const res = await app.inject({
      method: 'PATCH',
      url: `/tasks/${keep.id}`,
      payload: { rationale: `step ${i} with "quotes", ünïcödé and a \\ backslash`, version },
      headers: { 'x-actor': i % 2 ? 'ada' : 'bo' },
    })
    version = res.json().version
  }
  await app.inject({ method: 'PATCH', url: `/bugs/${bug.id}`, payload: { status: 'resolved', version: 1 } })
  await app.inject({ method: 'DELETE', url: `/tasks/${doomed.id}?version=1` })
}

/** What a client reads from every list route, to compare two databases through the API. */
export async function everythingThroughTheApi(app: TestApp) {
  const answers: Record<string, unknown> = {}
  for (const path of ['/tasks', '/bugs', '/status-updates', '/design-notes', '/audit-entries']) {
    answers[path] = (await app.inject({ method: 'GET', url: `${path}?limit=200` })).json()
  }
  return answers
}
