// The connection every SQLite repository runs on: its pragmas, its close, and how it opens a file that
// another connection is using.
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { notFound, versionMismatch } from '../../src/core/errors.js'
import { closeSqlite, DEFAULT_BUSY_TIMEOUT_MS, openSqlite } from '../../src/persistence/sqlite/client.js'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import { expectChanged } from '../../src/persistence/sqlite/store.js'

t.test(
  'a connection runs in WAL with the durability asked for, foreign keys on and a busy timeout',
  async (t) => {
    const dir = t.testdir()
    for (const [synchronous, level] of [
      ['NORMAL', 1],
      ['FULL', 2],
    ] as const) {
      const sqlite = openSqlite(join(dir, 'nested', 'folder', `${synchronous}.db`), { synchronous })
      t.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal')
      t.equal(sqlite.pragma('synchronous', { simple: true }), level, `synchronous=${synchronous}`)
      t.equal(sqlite.pragma('foreign_keys', { simple: true }), 1)
      t.equal(sqlite.pragma('busy_timeout', { simple: true }), DEFAULT_BUSY_TIMEOUT_MS)
      t.equal(sqlite.pragma('journal_size_limit', { simple: true }), 64 * 1024 * 1024)
      closeSqlite(sqlite)
    }
  },
)

t.test('close folds the WAL into the file, and closing twice is harmless', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
  sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
  t.ok(statSync(`${path}-wal`).size > 0)
  closeSqlite(sqlite)
  closeSqlite(sqlite)
  t.notOk(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)
})

t.test('opening waits for a connection that holds the file, up to the busy timeout', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  // A file still in rollback-journal mode, read by another connection: switching it to WAL needs that
  // reader gone.
  const reader = new Database(path)
  t.teardown(() => reader.close())
  reader.exec('CREATE TABLE t (x); BEGIN')
  reader.prepare('SELECT * FROM t').all()
  t.throws(() => openSqlite(path, { synchronous: 'NORMAL', busyTimeoutMs: 20 }), { code: 'SQLITE_BUSY' })
  await t.rejects(openSqliteRepos({ path, synchronous: 'NORMAL', busyTimeoutMs: 20 }), {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
  })
  reader.exec('COMMIT')
  closeSqlite(openSqlite(path, { synchronous: 'NORMAL', busyTimeoutMs: 20 }))
})

t.test('a database that cannot be in WAL mode is refused', async (t) => {
  t.throws(() => openSqlite(':memory:', { synchronous: 'NORMAL' }), /cannot use WAL mode/)
})

t.test(
  'a file that is not a database, or whose tables clash with the schema, fails to open as itself',
  async (t) => {
    const dir = t.testdir()
    const garbage = join(dir, 'garbage.db')
    writeFileSync(garbage, 'this is not a database, but it is long enough to have a header. '.repeat(10))
    await t.rejects(openSqliteRepos({ path: garbage, synchronous: 'NORMAL' }), { code: 'SQLITE_NOTADB' })

    const clash = join(dir, 'clash.db')
    const other = new Database(clash)
    other.exec('CREATE TABLE tasks (something_else TEXT)')
    other.close()
    await t.rejects(openSqliteRepos({ path: clash, synchronous: 'NORMAL' }), /already exists/)
    const after = new Database(clash)
    t.same(
      after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all(),
      ['tasks'],
      'the failed migration left the file as it was',
    )
    after.close()
  },
)

t.test('a compare-and-set that changed no row names the reason', async (t) => {
  const none = { changes: 0, lastInsertRowid: 0 }
  t.throws(() => expectChanged(none, 'Task', 'x', () => undefined), notFound('Task', 'x'))
  t.throws(() => expectChanged(none, 'Task', 'x', () => ({ version: 7 })), versionMismatch(7))
  t.doesNotThrow(() => expectChanged({ changes: 1, lastInsertRowid: 0 }, 'Task', 'x', () => undefined))
})
