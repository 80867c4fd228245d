// `backupSqlite`: an online copy of the live file while others write to it. The copy is one consistent state
// (every task with its audit entry, the trail numbered without gaps), opens as a trail database, and a backup
// never overwrites a file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { type BackupProgress, backupSqlite, openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import { startServer } from '../server.js'
import { allRows, assertContiguousSeq, countRows, openBackend } from './helpers.js'

const WRITERS = 8
/** Rows with some bulk, so the file spans enough pages for the copy to take many steps. */
const bulky = (i: number) => ({ title: `task ${i}`, assignees: ['ann', 'bob'], rationale: 'r'.repeat(2000) })

/** Opens a copy read-only to check it; closed when `t` ends. */
function inspect(t: Test, path: string) {
  const copy = new Database(path, { readonly: true, fileMustExist: true })
  t.teardown(() => copy.close())
  return copy
}

/** The copy is sound and internally consistent: each task has its create entry, and seq runs 1..N. */
function assertConsistent(t: Test, path: string) {
  const copy = inspect(t, path)
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check is ok')
  t.same(copy.pragma('foreign_key_check'), [])
  const created = copy
    .prepare("SELECT count(*) FROM audit_entries WHERE entity = 'task' AND action = 'create'")
    .pluck()
    .get()
  t.equal(countRows(copy, 'tasks'), created, 'every task has its audit entry, and no entry lacks its task')
  assertContiguousSeq(t, copy)
  return countRows(copy, 'tasks')
}

t.test('a backup taken while a server writes is one consistent state that serves reads', async (t) => {
  const path = join(t.testdir(), 'live.db')
  const out = join(t.testdirName, 'copy.db')
  const server = await startServer(t, { PERSIST_DB_PATH: path })
  const post = (i: number) =>
    fetch(`${server.url}/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bulky(i)),
    }).then((response) => response.status)
  const seeded: number[] = []
  for (let i = 0; i < 300; i += 10) {
    seeded.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => post(i + j)))))
  }
  t.same(new Set(seeded), new Set([201]), 'seeded 300 tasks')

  const live = new Database(path, { readonly: true })
  t.teardown(() => live.close())
  const taskCount = () => countRows(live, 'tasks')
  let writing = true
  const statuses: number[] = []
  const writers = Array.from({ length: WRITERS }, async (_, n) => {
    for (let i = 0; writing; i++) statuses.push(await post(1000 * (n + 1) + i))
  })
  // The writers are under way before the copy starts, and go on until it ends.
  while (statuses.length < WRITERS) await new Promise((resolve) => setImmediate(resolve))
  const before = taskCount()
  const steps: BackupProgress[] = []
  const { pages } = await backupSqlite(path, out, (progress) => steps.push(progress), { pagesPerStep: 16 })
  const after = taskCount()
  writing = false
  await Promise.all(writers)

  t.same(
    statuses.filter((status) => status !== 201),
    [],
    `all ${statuses.length} writes during the backup succeeded`,
  )
  t.ok(after > before, `writes committed during the backup (${before} → ${after} tasks)`)
  t.ok(steps.length > 1, `the copy took ${steps.length} steps over ${pages} pages`)
  const copied = assertConsistent(t, out)
  t.ok(copied >= before && copied <= after, `the copy holds ${copied} tasks, between ${before} and ${after}`)

  const repos = await openSqliteRepos({ path: out, synchronous: 'NORMAL' })
  t.teardown(() => repos.close())
  const page = await repos.tasks.list({ filter: {}, limit: 5 })
  t.equal(page.items.length, 5, 'the copy serves lists')
  t.same(await repos.tasks.get(page.items[0]?.id as string), page.items[0], 'and reads by id')
  t.equal((await repos.health()).schemaVersion, countRows(live, 'schema_migrations'))
})

t.test('a copy that writes start over is finished in one step, with those writes in it', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  for (let i = 0; i < 100; i++) await repos.tasks.create(bulky(i), 'ann')
  const out = join(t.testdirName, 'copy.db')
  // Another connection writes between every two steps: SQLite starts the copy over each time.
  const writeBetweenSteps = sqlite.prepare(
    'INSERT INTO tasks SELECT lower(hex(randomblob(16))), title, status, priority, rationale_log, ' +
      'version, created_at, updated_at FROM tasks LIMIT 1',
  )
  const remaining: number[] = []
  await backupSqlite(
    sqlite.name,
    out,
    (progress) => {
      remaining.push(progress.remainingPages)
      // Bounded, so a copy that kept starting over would still end, and fail the step count below.
      if (remaining.length <= 50) writeBetweenSteps.run()
    },
    { pagesPerStep: 8 },
  )
  t.ok(
    remaining.some((pages, i) => i > 0 && pages >= (remaining[i - 1] as number)),
    'the copy started over at least once',
  )
  t.ok(remaining.length < 10, `yet it ended, after ${remaining.length} steps`)
  const copy = inspect(t, out)
  t.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
  t.equal(countRows(copy, 'tasks'), countRows(sqlite, 'tasks'), 'with every write made before its last step')
})

t.test('a backup of a closed database is the same rows', async (t) => {
  const path = join(t.testdir(), 'closed.db')
  const { repos, sqlite } = await openBackend(t, { path })
  for (let i = 0; i < 20; i++) await repos.tasks.create(bulky(i), 'ann')
  const rows = allRows(sqlite)
  await repos.close()
  const out = join(t.testdirName, 'nested', 'copy.db')
  const { pages } = await backupSqlite(path, out)
  t.ok(pages > 1)
  const copy = openSqlite(out, { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(copy))
  t.same(allRows(copy), rows, 'into a folder it creates')
})

t.test('a backup never overwrites, and leaves no file when it fails', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  const { repos } = await openBackend(t, { path })
  await repos.tasks.create({ title: 'x' }, 'ann')
  const existing = join(t.testdirName, 'precious.db')
  writeFileSync(existing, 'precious')
  await t.rejects(backupSqlite(path, existing), new RegExp(`${existing} already exists`))
  t.equal(readFileSync(existing, 'utf8'), 'precious', 'the existing file is untouched')
  await t.rejects(backupSqlite(path, path), /already exists/, 'not even the database itself')

  const missing = join(t.testdirName, 'missing.db')
  const out = join(t.testdirName, 'copy.db')
  await t.rejects(backupSqlite(missing, out), /missing.db does not exist/)
  t.notOk(existsSync(missing), 'a missing source is not created')
  t.notOk(existsSync(out))

  const notADatabase = join(t.testdirName, 'not-a-database.db')
  writeFileSync(notADatabase, 'x'.repeat(4096))
  await t.rejects(backupSqlite(notADatabase, out), { code: 'SQLITE_NOTADB' })
  t.notOk(existsSync(out), 'a failed copy leaves no file behind')
})
