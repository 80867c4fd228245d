// A database that cannot take a write now (full, read-only, locked past the timeout, unopenable) answers
// 503 SERVICE_UNAVAILABLE with Retry-After and no file path or SQL, leaves nothing half-written, and the
// same repositories work again once the cause goes away.
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { DrizzleQueryError } from 'drizzle-orm'
import t, { type Test } from 'tap'
import { isTrailError } from '../../src/core/errors.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { serviceFault } from '../../src/persistence/sqlite/errors.js'
import { createSqliteRepos, openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import { sqlite as sqliteBackend } from '../backends/sqlite.js'
import { build } from '../helper.js'
import { assertContiguousSeq, countRows, dbPath, openBackend } from './helpers.js'

const UNAVAILABLE = { status: 503, code: 'SERVICE_UNAVAILABLE', headers: { 'retry-after': /^\d+$/ } }

/** The 503 a promise rejects with; fails the test if it resolves or rejects with something else. */
async function unavailable(t: Test, promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  t.match(error, UNAVAILABLE, 'rejects with 503 SERVICE_UNAVAILABLE')
  t.notMatch((error as Error | undefined)?.message ?? '', /\/|sqlite|insert|select|update/i, 'no path or SQL')
  return error
}

t.test('a full database: 503, nothing partial, and writes resume once there is room', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  await repos.tasks.create({ title: 'before' }, 'ann')
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`)

  let created = 1
  let failure: unknown
  // Large rationales fill the last free pages within a few writes.
  while (failure === undefined && created < 1000) {
    await repos.tasks.create({ title: 'fill', rationale: 'x'.repeat(4000) }, 'ann').then(
      () => created++,
      (error: unknown) => {
        failure = error
      },
    )
  }
  t.match(failure, UNAVAILABLE)
  t.equal(countRows(sqlite, 'tasks'), created, 'the failed create left no task')
  t.equal(countRows(sqlite, 'audit_entries'), created, 'and no audit entry')

  sqlite.pragma('max_page_count = 1073741823')
  await repos.tasks.create({ title: 'after' }, 'ann')
  t.equal(countRows(sqlite, 'tasks'), created + 1)
  assertContiguousSeq(t, sqlite)
})

t.test('a read-only database: 503 on writes, reads still served, and writes resume', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  const task = await repos.tasks.create({ title: 'kept' }, 'ann')

  sqlite.pragma('query_only = ON')
  await unavailable(t, repos.tasks.update(task.id, { title: 'changed' }, 1, 'ann'))
  await unavailable(t, repos.statusUpdates.create({ message: 'm' }, 'ann'))
  t.same(await repos.tasks.get(task.id), task)
  t.same(await repos.health(), { schemaVersion: SCHEMA_VERSION })

  sqlite.pragma('query_only = OFF')
  t.equal((await repos.tasks.update(task.id, { title: 'changed' }, 1, 'ann')).version, 2)
  assertContiguousSeq(t, sqlite)
})

t.test('a file opened read-only: 503 on writes while the writable handle carries on', async (t) => {
  const path = dbPath(t)
  const { repos } = await openBackend(t, { path })
  const task = await repos.tasks.create({ title: 'kept' }, 'ann')

  const readOnly = createSqliteRepos(new Database(path, { readonly: true }))
  t.teardown(() => readOnly.close())
  await unavailable(t, readOnly.tasks.create({ title: 'refused' }, 'ann'))
  t.same(await readOnly.tasks.get(task.id), task)
  await repos.tasks.create({ title: 'accepted' }, 'ann')
  t.equal((await readOnly.tasks.list({ filter: {}, limit: 10 })).items.length, 2)
})

t.test(
  'a lock held past the busy timeout: 503, then the write goes through once it is released',
  async (t) => {
    const path = dbPath(t)
    const { repos, sqlite } = await openBackend(t, { path, busyTimeoutMs: 50 })
    const task = await repos.tasks.create({ title: 'contended' }, 'ann')

    const holder = new Database(path)
    t.teardown(() => holder.close())
    holder.exec('BEGIN IMMEDIATE')
    const error = await unavailable(t, repos.tasks.update(task.id, { title: 'mine' }, 1, 'ann'))
    t.match(error, { headers: { 'retry-after': '1' } })
    t.same(await repos.tasks.get(task.id), task, 'reads are not blocked by a writer (WAL)')

    holder.exec('COMMIT')
    t.equal((await repos.tasks.update(task.id, { title: 'mine' }, 1, 'ann')).version, 2)
    assertContiguousSeq(t, sqlite)
  },
)

t.test('a lock held shorter than the busy timeout: the write waits for it and succeeds', async (t) => {
  const path = dbPath(t)
  const { repos, sqlite } = await openBackend(t, { path })
  // Another thread takes the write lock, says so, and lets go a moment later.
  const holder = new Worker(
    `const Database = require('better-sqlite3')
     const { parentPort, workerData } = require('node:worker_threads')
     const db = new Database(workerData)
     db.exec('BEGIN IMMEDIATE')
     parentPort.postMessage('locked')
     setTimeout(() => { db.exec('COMMIT'); db.close() }, 200)`,
    { eval: true, workerData: path },
  )
  const exited = new Promise((resolve) => holder.once('exit', resolve))
  await new Promise((resolve) => holder.once('message', resolve))
  const task = await repos.tasks.create({ title: 'waited' }, 'ann')
  t.equal(task.version, 1)
  t.equal(countRows(sqlite, 'tasks'), 1)
  await exited
})

t.test('an unopenable path: 503 without the path', async (t) => {
  await unavailable(t, openSqliteRepos({ path: t.testdir(), synchronous: 'NORMAL' }))
})

t.test('health answers 503 once the database is gone', async (t) => {
  const { repos } = await openBackend(t)
  await repos.close()
  await unavailable(t, repos.health())
})

t.test('which errors are faults', async (t) => {
  const sqliteError = (code: string) => new Database.SqliteError('at /var/lib/trail/app.db: INSERT …', code)
  for (const code of [
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_LOCKED_SHAREDCACHE',
    'SQLITE_READONLY_DBMOVED',
  ]) {
    t.match(serviceFault(sqliteError(code)), { ...UNAVAILABLE, message: /^[^/]*$/ }, code)
  }
  for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN']) {
    t.match(serviceFault(sqliteError(code)), UNAVAILABLE, code)
  }
  const wrapped = new DrizzleQueryError('insert into tasks …', [], sqliteError('SQLITE_IOERR_FSYNC'))
  t.match(serviceFault(wrapped), UNAVAILABLE, 'found behind a Drizzle wrapper')
  t.equal(serviceFault(wrapped)?.cause, wrapped, 'the original error is kept as the cause, for logs')
  for (const error of [
    sqliteError('SQLITE_CONSTRAINT_UNIQUE'),
    sqliteError('SQLITE_CORRUPT'),
    new Error('x'),
    'text',
  ]) {
    t.equal(serviceFault(error), undefined, `not a fault: ${String(error)}`)
  }
  t.ok(isTrailError(serviceFault(sqliteError('SQLITE_FULL'))))
})

t.test(
  'over HTTP: a 503 problem with Retry-After, then 201 once the database takes writes again',
  async (t) => {
    const { repos, sqlite } = await openBackend(t)
    const app = await build(t, sqliteBackend, { repos })
    sqlite.pragma('query_only = ON')
    const refused = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'refused' } })
    t.equal(refused.statusCode, 503)
    t.equal(refused.headers['retry-after'], '30')
    t.match(refused.json(), {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail: 'The database is read-only at the moment',
    })
    t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'still healthy for reads')

    sqlite.pragma('query_only = OFF')
    t.equal(
      (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'accepted' } })).statusCode,
      201,
    )
  },
)
