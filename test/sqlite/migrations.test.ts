import { fork } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { migrationsFolder } from '../../src/persistence/migrations.js'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { type MigrationResult, migrateSqlite } from '../../src/persistence/sqlite/index.js'
import { applyMigrations, MIGRATIONS_TABLE } from '../../src/persistence/sqlite/migrate.js'
import { noteBody } from '../fixtures.js'
import { allRows, dbPath, openBackend } from './helpers.js'

const CHILD = join(import.meta.dirname, 'fixtures', 'migrate-child.ts')
const journalTags = (folder: string): string[] =>
  JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')).entries.map(
    (entry: { tag: string }) => entry.tag,
  )

/** A child process that opens and migrates files on request, loading TypeScript the way this test does. */
function startMigrator() {
  const child = fork(CHILD, { execArgv: process.execArgv, stdio: 'inherit' })
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`a migrating process exited early (${code})`))),
  )
  const ask = <T>(message: unknown) => {
    const reply = new Promise<T>((resolve) => child.once('message', resolve))
    child.send(message as string)
    return Promise.race([reply, exited])
  }
  return {
    open: (path: string) => ask<'ready' | { error: string }>({ open: path }),
    migrate: () => ask<MigrationResult | { error: string }>('migrate'),
    stop: () => child.connected && child.disconnect(),
  }
}

t.test(
  'processes migrating one fresh file at once all come up; each migration is applied once',
  async (t) => {
    const tags = journalTags(migrationsFolder('sqlite'))
    const dir = t.testdir()
    const migrators = [1, 2, 3].map(startMigrator)
    t.teardown(() => {
      for (const migrator of migrators) migrator.stop()
    })
    for (const round of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const path = join(dir, `round-${round}.db`)
      t.same(await Promise.all(migrators.map((m) => m.open(path))), ['ready', 'ready', 'ready'])
      const results = await Promise.all(migrators.map((m) => m.migrate()))

      t.same(
        results.map((r) => ('error' in r ? r.error : r.schemaVersion)),
        [tags.length, tags.length, tags.length],
        `round ${round}: every process comes up on the current schema`,
      )
      const applied = results.flatMap((r) => ('applied' in r ? r.applied : [])).sort()
      t.same(applied, [...tags].sort(), `round ${round}: every migration applied by exactly one process`)

      const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
      const { rows, hashes } = sqlite
        .prepare(`SELECT count(*) AS rows, count(DISTINCT hash) AS hashes FROM ${MIGRATIONS_TABLE}`)
        .get() as { rows: number; hashes: number }
      t.same({ rows, hashes }, { rows: tags.length, hashes: tags.length }, `round ${round}: recorded once`)
      closeSqlite(sqlite)
    }
  },
)

t.test('migrating a populated, up-to-date file applies nothing and keeps every row', async (t) => {
  const path = dbPath(t)
  const { repos, sqlite } = await openBackend(t, { path })
  const task = await repos.tasks.create({ title: 't', assignees: ['ann'] }, 'ann')
  await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ann')
  await repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ann')
  await repos.designNotes.create(noteBody('n'), 'ann')
  const before = allRows(sqlite)
  await repos.close()

  t.same(migrateSqlite(path), { applied: [], schemaVersion: journalTags(migrationsFolder('sqlite')).length })
  const after = openSqlite(path, { synchronous: 'NORMAL' })
  t.same(allRows(after), before)
  closeSqlite(after)
})

/** A migrations folder in drizzle-kit's layout, one file per statement list. */
function writeMigrations(dir: string, migrations: Record<string, string[]>) {
  const folder = join(dir, `migrations-${Object.keys(migrations).length}`)
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const entries = Object.entries(migrations).map(([tag, statements], idx) => {
    writeFileSync(join(folder, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'))
    return { idx, version: '6', when: 1_700_000_000_000 + idx, tag, breakpoints: true }
  })
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries }),
  )
  return folder
}

const PARENT_AND_CHILD = [
  'CREATE TABLE `parent` (`id` text PRIMARY KEY NOT NULL, `name` text NOT NULL)',
  'CREATE TABLE `child` (`id` text PRIMARY KEY NOT NULL, `parent_id` text REFERENCES `parent`(`id`))',
]

t.test('a table rebuild (drizzle-kit style) under foreign keys keeps every row', async (t) => {
  const dir = t.testdir()
  const sqlite = openSqlite(join(dir, 'trail.db'), { synchronous: 'NORMAL', busyTimeoutMs: 1234 })
  t.teardown(() => closeSqlite(sqlite))
  const v1 = { '0000_tables': PARENT_AND_CHILD }
  t.same(applyMigrations(sqlite, writeMigrations(dir, v1)).applied, ['0000_tables'])
  sqlite.exec("INSERT INTO parent VALUES ('p', 'first'); INSERT INTO child VALUES ('c', 'p')")

  // What drizzle-kit writes to change a column: copy into a new table, drop the old, rename. Dropping a
  // referenced table fails while foreign keys are on, and its own PRAGMA is ignored inside the transaction.
  const v2 = {
    ...v1,
    '0001_rebuild': [
      'PRAGMA foreign_keys=OFF',
      'CREATE TABLE `__new_parent` (`id` text PRIMARY KEY NOT NULL, `name` text NOT NULL, `rank` integer DEFAULT 0 NOT NULL)',
      'INSERT INTO `__new_parent`("id", "name") SELECT "id", "name" FROM `parent`',
      'DROP TABLE `parent`',
      'ALTER TABLE `__new_parent` RENAME TO `parent`',
      'PRAGMA foreign_keys=ON',
    ],
  }
  t.same(applyMigrations(sqlite, writeMigrations(dir, v2)), { applied: ['0001_rebuild'], schemaVersion: 2 })
  t.same(sqlite.prepare('SELECT * FROM parent').all(), [{ id: 'p', name: 'first', rank: 0 }])
  t.same(sqlite.prepare('SELECT * FROM child').all(), [{ id: 'c', parent_id: 'p' }])
  t.equal(sqlite.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on')
  t.equal(sqlite.pragma('busy_timeout', { simple: true }), 1234, 'and requests wait as long as before')
})

t.test('a migration that would break a foreign key is refused and nothing is applied', async (t) => {
  const dir = t.testdir()
  const sqlite = openSqlite(join(dir, 'trail.db'), { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(sqlite))
  const folder = writeMigrations(dir, {
    '0000_tables': PARENT_AND_CHILD,
    '0001_dangling': ["INSERT INTO child VALUES ('orphan', 'no such parent')"],
  })
  t.throws(() => applyMigrations(sqlite, folder), /foreign key violation/)
  t.equal(
    sqlite.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get(),
    0,
    'no table was created, not even the bookkeeping one',
  )
  t.equal(sqlite.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on')
})
