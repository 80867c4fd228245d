// The SQLite side of export and import: a snapshot reads every row in canonical order from one consistent
// state while writes go on, and a load leaves foreign keys sound, waits for the write lock, and writes nothing
// when the process is killed. What every backend's load does (reproduce the rows exactly, refuse a database
// with data, write nothing when a row or the source fails) is in test/dump/load.test.ts.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { SEARCH_TYPES } from '../../src/domains/search/schemas.js'
import type { DumpRow, DumpSnapshot } from '../../src/persistence/contract.js'
import { closeSqlite, openSqlite, type SqliteDatabase } from '../../src/persistence/sqlite/client.js'
import { createSqliteDump } from '../../src/persistence/sqlite/index.js'
import { collect, fromArray, listedRows, snapshotRows } from '../dump/helpers.js'
import { noteBody, seedRepos } from '../fixtures.js'
import { countRows, openBackend, TABLES } from './helpers.js'

const LOAD_CHILD = join(import.meta.dirname, 'fixtures', 'load-child.ts')

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
  await seedRepos(repos)
  const expected = await listedRows(repos)

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
    webhooks: 0,
  })
  t.equal(counts.audit_entries, 22)
})

t.test('a snapshot stays on one state while the repositories keep writing', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  const { kept, other } = await seedRepos(repos)
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
        await repos.designNotes.create(noteBody('n'), 'cy')
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
  await seedRepos(repos)
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

t.test('a load leaves foreign keys on for the repositories and every reference sound', async (t) => {
  const source = await openBackend(t)
  await seedRepos(source.repos)
  const target = await openTarget(t)
  // The load turns foreign keys off on a connection of its own and checks them once at the end.
  await source.repos.dump.snapshot((snapshot) => target.repos.dump.load(snapshot.rows(3)))
  t.same(target.sqlite.pragma('foreign_key_check'), [])
  t.equal(
    target.sqlite.pragma('foreign_keys', { simple: true }),
    1,
    'foreign keys still on for the repositories',
  )
})

/** The database's schema: every table, index and trigger, with the SQL that made it. */
const schemaOf = (sqlite: SqliteDatabase) =>
  sqlite
    .prepare<[], { type: string; name: string; sql: string | null }>(
      'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name',
    )
    .all()

t.test('a load builds the indexes it dropped, and a failed one leaves them as they were', async (t) => {
  const source = await openBackend(t)
  await seedRepos(source.repos)
  const rows = await snapshotRows(source.repos)
  const target = await openTarget(t)
  const schema = schemaOf(target.sqlite)
  t.ok(
    schema.some((object) => object.type === 'index' && object.sql !== null),
    'the schema has indexes of its own',
  )
  const duplicated = [...rows, rows.find((row) => row.table === 'audit_entries') as DumpRow]
  await t.rejects(target.repos.dump.load(fromArray(duplicated)), /UNIQUE constraint failed/)
  t.same(schemaOf(target.sqlite), schema, 'a failed load: the same indexes')
  await target.repos.dump.load(fromArray(rows))
  t.same(schemaOf(target.sqlite), schema, 'a load: the same indexes')
  t.equal(target.sqlite.pragma('integrity_check', { simple: true }), 'ok', 'and each holds every row')
  // The search index, built in one pass at the end, finds what the source's (kept up write by write) finds.
  const hits = await target.repos.search.search({ q: 'crash', types: SEARCH_TYPES, limit: 10 })
  t.equal(hits.items.length, 1)
  t.same(hits, await source.repos.search.search({ q: 'crash', types: SEARCH_TYPES, limit: 10 }))
})

t.test('load takes the write lock first, and a database that stays busy is a 503', async (t) => {
  const source = await openBackend(t)
  await seedRepos(source.repos)
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
  await seedRepos(source.repos)
  await source.repos.dump.snapshot((snapshot) => repos.dump.load(snapshot.rows()))
  t.same(await snapshotRows(repos), await snapshotRows(source.repos))
})
