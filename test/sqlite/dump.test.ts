// The SQLite side of export and import: a snapshot reads every row in canonical order from one consistent
// state while writes go on, and a load reproduces the rows exactly in one transaction, or writes nothing at
// all: not into a database that has data, not when a row or the source fails, not when the process is killed.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import type { DumpRow, DumpSnapshot, Repos } from '../../src/persistence/contract.js'
import { closeSqlite, openSqlite, type SqliteDatabase } from '../../src/persistence/sqlite/client.js'
import { createSqliteDump } from '../../src/persistence/sqlite/index.js'
import { allRows, assertContiguousSeq, countRows, openBackend, TABLES } from './helpers.js'

const LOAD_CHILD = join(import.meta.dirname, 'fixtures', 'load-child.ts')
const NOTE = { title: 'n', context: 'c', decision: 'd', consequences: 'e' }

/** A bit of everything: deleted and changed tasks, detached bugs and updates, a chain of superseded notes. */
async function seed(repos: Repos) {
  const kept = await repos.tasks.create({ title: 'kept', assignees: ['ann'], rationale: 'why' }, 'ann')
  const doomed = await repos.tasks.create({ title: 'doomed', priority: 'high' }, 'bob')
  const other = await repos.tasks.create({ title: 'other' }, 'bob')
  await repos.tasks.update(kept.id, { status: 'in_progress', rationale: 'started' }, 1, 'ann')
  const bug = await repos.bugs.create(
    { title: 'crash', severity: 'high', taskId: kept.id, reproSteps: ['a', 'b'] },
    'ann',
  )
  await repos.bugs.create({ title: 'orphan', severity: 'low' }, 'bob')
  await repos.bugs.create({ title: 'on doomed', severity: 'medium', taskId: doomed.id }, 'bob')
  const gone = await repos.bugs.create({ title: 'gone', severity: 'low' }, 'bob')
  await repos.bugs.update(bug.id, { status: 'resolved', proposedFix: 'guard' }, 1, 'ann')
  await repos.bugs.delete(gone.id, 1, 'bob')
  await repos.statusUpdates.create({ message: 'on kept', taskId: kept.id }, 'ann')
  await repos.statusUpdates.create({ message: 'no task' }, 'bob')
  await repos.statusUpdates.create({ message: 'on doomed', taskId: doomed.id }, 'bob')
  await repos.tasks.delete(doomed.id, 1, 'bob')
  const first = await repos.designNotes.create(NOTE, 'ann')
  const second = await repos.designNotes.create({ ...NOTE, title: 'n2', supersedes: first.id }, 'ann')
  await repos.designNotes.create(NOTE, 'bob')
  await repos.designNotes.create({ ...NOTE, title: 'n3', supersedes: second.id }, 'ann')
  return { kept, other }
}

/** Every row, through the repositories' own lists, in canonical (oldest-first) order. */
async function listed(repos: Repos): Promise<DumpRow[]> {
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

async function collect(rows: AsyncIterable<DumpRow>): Promise<DumpRow[]> {
  const collected: DumpRow[] = []
  for await (const row of rows) collected.push(row)
  return collected
}

const snapshotRows = (repos: Repos, batchSize?: number) =>
  repos.dump.snapshot((snapshot) => collect(snapshot.rows(batchSize)))

/** The rows, then a failure: the source of a load breaking halfway. */
async function* failingAfter(rows: DumpRow[], count: number): AsyncGenerator<DumpRow> {
  yield* rows.slice(0, count)
  throw new Error('the dump file went away')
}

async function* fromArray(rows: DumpRow[]): AsyncGenerator<DumpRow> {
  yield* rows
}

function assertEmpty(t: Test, sqlite: SqliteDatabase) {
  t.same(
    TABLES.filter((table) => countRows(sqlite, table) > 0),
    [],
    'every table is empty',
  )
}

/** A second, empty database next to the first one (t.testdir() again would empty the folder). */
const openTarget = (t: Test, name = 'target.db') => openBackend(t, { path: join(t.testdirName, name) })

t.test('a snapshot lists every row in canonical order, as the repositories return them', async (t) => {
  const { repos } = await openBackend(t)
  await seed(repos)
  const expected = await listed(repos)

  // Batches of 2 make every table take several keyset steps, ties on creation time included.
  for (const batchSize of [2, 3, 1000]) {
    t.same(await snapshotRows(repos, batchSize), expected, `batches of ${batchSize}`)
  }
  t.same(
    (await snapshotRows(repos)).map(({ table }) => table),
    expected.map(({ table }) => table),
    'tables come in DUMP_TABLES order',
  )
  const seqs = expected.filter((row) => row.table === 'audit_entries').map((entry) => entry.row.seq)
  t.same(
    seqs,
    seqs.map((_, i) => i + 1),
    'audit entries by seq, 1..N',
  )
  const counts = await repos.dump.snapshot((snapshot) => snapshot.counts())
  t.same(counts, {
    tasks: 2,
    bugs: 3,
    status_updates: 3,
    design_notes: 4,
    audit_entries: expected.filter((row) => row.table === 'audit_entries').length,
    api_tokens: 0,
  })
  t.equal(counts.audit_entries, 22)
})

t.test('a snapshot stays on one state while the repositories keep writing', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  const { kept, other } = await seed(repos)
  const before = await snapshotRows(repos)
  const countsBefore = await repos.dump.snapshot((snapshot) => snapshot.counts())

  const { seen, counts } = await repos.dump.snapshot(async (snapshot) => {
    // The snapshot is the state when it began, even before its first read.
    await repos.tasks.create({ title: 'written before the first read' }, 'cy')
    const seen: DumpRow[] = []
    for await (const row of snapshot.rows(2)) {
      seen.push(row)
      // Between batches of every table, the main connection commits changes to every table (a bounded
      // number, so a snapshot that did see them would still end).
      if (seen.length % 2 === 0 && seen.length <= before.length) {
        const task = await repos.tasks.create({ title: `written during the export ${seen.length}` }, 'cy')
        await repos.bugs.create({ title: 'new', severity: 'low', taskId: task.id }, 'cy')
        await repos.statusUpdates.create({ message: 'new', taskId: task.id }, 'cy')
        await repos.designNotes.create(NOTE, 'cy')
      }
      if (seen.length === 3) {
        await repos.tasks.update(kept.id, { title: 'renamed during the export' }, 2, 'cy')
        await repos.tasks.delete(other.id, 1, 'cy')
      }
    }
    return { seen, counts: await snapshot.counts() }
  })
  t.ok(countRows(sqlite, 'tasks') > countsBefore.tasks, 'the writes committed meanwhile')
  t.same(seen, before, 'the snapshot saw none of them')
  t.same(counts, countsBefore, 'counts taken at the end agree with the rows')
  t.not((await snapshotRows(repos)).length, before.length, 'a new snapshot sees them')
})

t.test('a snapshot ends cleanly however its reader ends', async (t) => {
  const { repos } = await openBackend(t)
  await seed(repos)
  const kept = await repos.dump.snapshot(async (snapshot) => snapshot)
  await t.rejects(kept.counts(), /snapshot has ended/, 'a snapshot cannot be used after it ends')
  await t.rejects(collect(kept.rows()), /snapshot has ended/)
  await t.rejects(
    repos.dump.snapshot((snapshot) => collect(snapshot.rows(0))),
    RangeError,
    'a batch size must be a positive integer',
  )
  await t.rejects(
    repos.dump.snapshot(async () => {
      throw new Error('the output failed')
    }),
    /the output failed/,
    "the reader's error comes through",
  )
  // After an early stop and a failure, the repositories still write (no lock or transaction was left).
  await repos.dump.snapshot(async (snapshot: DumpSnapshot) => {
    for await (const _ of snapshot.rows(1)) break
  })
  await repos.tasks.create({ title: 'still writable' }, 'ann')

  const memory = new Database(':memory:')
  t.teardown(() => memory.close())
  await t.rejects(
    createSqliteDump(memory).snapshot(async () => 0),
    /in-memory/,
  )
})

t.test('load reproduces every row exactly, and writing continues where the rows end', async (t) => {
  const source = await openBackend(t)
  const { kept } = await seed(source.repos)
  const target = await openTarget(t)

  // Streamed straight from one database into the other.
  await source.repos.dump.snapshot((snapshot) => target.repos.dump.load(snapshot.rows(3)))
  t.same(await snapshotRows(target.repos), await snapshotRows(source.repos), 'the same rows')
  t.same(allRows(target.sqlite), allRows(source.sqlite), 'the same stored values, column by column')
  t.same(await listed(target.repos), await listed(source.repos), 'the repositories answer the same')
  t.same(target.sqlite.pragma('foreign_key_check'), [])
  t.equal(
    target.sqlite.pragma('foreign_keys', { simple: true }),
    1,
    'foreign keys still on for the repositories',
  )

  const last = countRows(source.sqlite, 'audit_entries')
  const task = await target.repos.tasks.create({ title: 'after the import' }, 'dee')
  const updated = await target.repos.tasks.update(kept.id, { status: 'done' }, 2, 'dee')
  t.equal(updated.version, 3, 'versions continue')
  const [update, create] = (await target.repos.audit.list({ filter: {}, limit: 2 })).items
  t.match(create, { seq: last + 1, entityId: task.id, action: 'create' }, 'the next audit entry is last + 1')
  t.match(update, { seq: last + 2, entityId: kept.id, action: 'update' })
  assertContiguousSeq(t, target.sqlite)

  const notes = (
    await target.repos.designNotes.list({ filter: { state: 'active' }, limit: 10, order: 'asc' })
  ).items
  const superseded = (
    await target.repos.designNotes.list({ filter: { state: 'superseded' }, limit: 10, order: 'asc' })
  ).items
  await target.repos.designNotes.create({ ...NOTE, supersedes: notes[0]?.id }, 'dee')
  await t.rejects(
    target.repos.designNotes.create({ ...NOTE, supersedes: superseded[0]?.id }, 'dee'),
    { code: 'ALREADY_SUPERSEDED' },
    'loaded supersessions hold',
  )
})

t.test('load refuses a database that has data, and changes nothing', async (t) => {
  const source = await openBackend(t)
  await seed(source.repos)
  const rows = await snapshotRows(source.repos)
  const target = await openTarget(t)
  await target.repos.statusUpdates.create({ message: 'already here' }, 'ann')
  const before = allRows(target.sqlite)
  await t.rejects(
    target.repos.dump.load(fromArray(rows)),
    /not empty \(status_updates, audit_entries have rows\)/,
  )
  t.same(allRows(target.sqlite), before)
  await t.rejects(source.repos.dump.load(fromArray([])), /not empty/, 'even with no rows to load')
})

t.test('load writes nothing when its rows fail partway, and the database stays usable', async (t) => {
  const source = await openBackend(t)
  await seed(source.repos)
  const rows = await snapshotRows(source.repos)
  const target = await openTarget(t)
  const tasks = rows.filter((row) => row.table === 'tasks')
  const notes = rows.filter((row) => row.table === 'design_notes')

  const failures: [string, AsyncIterable<DumpRow>, RegExp][] = [
    ['the source throws after most rows', failingAfter(rows, rows.length - 3), /the dump file went away/],
    ['the source throws at once', failingAfter(rows, 0), /the dump file went away/],
    [
      'a duplicate id',
      fromArray([...tasks, tasks[0] as DumpRow]),
      new RegExp(`Cannot load tasks row ${tasks[0]?.row.id}: UNIQUE constraint failed: tasks.id`),
    ],
    [
      'a bug naming a missing task',
      fromArray(rows.filter((row) => row.table !== 'tasks')),
      /reference\(s\) to missing rows \(the first: a (bugs|status_updates) row pointing into tasks\); nothing was loaded/,
    ],
    [
      'a note superseded by a missing note',
      // The oldest note, superseded by the second, without the second.
      fromArray(notes.slice(0, 1)),
      /1 reference\(s\) to missing rows \(the first: a design_notes row pointing into design_notes\)/,
    ],
    [
      'an unknown table',
      fromArray([{ table: 'nope', row: { id: 'x' } } as unknown as DumpRow]),
      /Unknown table "nope"/,
    ],
  ]
  for (const [name, failing, error] of failures) {
    await t.rejects(target.repos.dump.load(failing), error, name)
    assertEmpty(t, target.sqlite)
  }

  await target.repos.dump.load(fromArray(rows))
  t.same(await snapshotRows(target.repos), rows, 'a good load then goes through')
})

t.test('load takes the write lock first, and a database that stays busy is a 503', async (t) => {
  const source = await openBackend(t)
  await seed(source.repos)
  const rows = await snapshotRows(source.repos)
  const target = await openBackend(t, { path: join(t.testdirName, 'busy.db'), busyTimeoutMs: 50 })
  const holder = openSqlite(target.sqlite.name, { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(holder))
  holder.exec('BEGIN IMMEDIATE')
  await t.rejects(target.repos.dump.load(fromArray(rows)), { code: 'SERVICE_UNAVAILABLE', status: 503 })
  holder.exec('ROLLBACK')
  assertEmpty(t, target.sqlite)
  await target.repos.dump.load(fromArray(rows))
  t.equal(countRows(target.sqlite, 'audit_entries'), countRows(source.sqlite, 'audit_entries'))
})

t.test('kill -9 in the middle of a load leaves the target empty and sound', async (t) => {
  const path = join(t.testdir(), 'killed.db')
  const child = fork(LOAD_CHILD, [path], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  t.teardown(() => {
    child.kill('SIGKILL')
  })
  const exited = once(child, 'exit')
  const [message] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => {
      throw new Error(`the loading process exited (${code}) before it had loaded anything`)
    }),
  ])) as [{ spilled: number; rows: number }]
  t.ok(message.rows > 0, `the load had inserted ${message.rows} rows`)
  t.ok(message.spilled > 0, `and spilled ${message.spilled} uncommitted bytes into the WAL`)
  child.kill('SIGKILL')
  t.same(await exited, [null, 'SIGKILL'])

  const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(sqlite))
  t.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check is ok')
  assertEmpty(t, sqlite)

  // The file takes a load again: nothing of the killed one (lock, transaction) is left.
  const { repos } = await openBackend(t, { path })
  const source = await openTarget(t, 'source.db')
  await seed(source.repos)
  await source.repos.dump.snapshot((snapshot) => repos.dump.load(snapshot.rows()))
  t.same(await snapshotRows(repos), await snapshotRows(source.repos))
})
