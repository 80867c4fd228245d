// Upgrading a database that holds data: a file created at 0000_init, with a row in every table, is migrated to
// the latest schema. Every row must come through unchanged (0002 moves the tasks' assignees into
// task_assignees, in order), and the service must then store tokens in it.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import t from 'tap'
import { auditEntry } from '../../src/domains/audit/entries.js'
import { newBug } from '../../src/domains/bugs/rules.js'
import { newDesignNote } from '../../src/domains/design-notes/rules.js'
import { newStatusUpdate } from '../../src/domains/status-updates/rules.js'
import { newTask } from '../../src/domains/tasks/rules.js'
import { migrationsFolder } from '../../src/persistence/migrations.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { closeSqlite, openSqlite, type SqliteDatabase } from '../../src/persistence/sqlite/client.js'
import { migrateSqlite } from '../../src/persistence/sqlite/index.js'
import { applyMigrations } from '../../src/persistence/sqlite/migrate.js'
import {
  auditEntryToRow,
  bugToRow,
  designNoteToRow,
  statusUpdateToRow,
  taskToRow,
} from '../../src/persistence/sqlite/rows.js'
import { bugs, statusUpdates } from '../../src/persistence/sqlite/tables.js'
import { verifyChain } from '../fixtures.js'
import { allRows, openBackend } from './helpers.js'

const FOLDER = migrationsFolder('sqlite')
const TAGS: string[] = JSON.parse(readFileSync(join(FOLDER, 'meta', '_journal.json'), 'utf8')).entries.map(
  (entry: { tag: string }) => entry.tag,
)

/** A copy of drizzle/sqlite whose journal stops at its first migration: what a 0000-era release shipped. */
function firstMigrationOnly(dir: string): string {
  const folder = join(dir, 'drizzle-0000')
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const journal = JSON.parse(readFileSync(join(FOLDER, 'meta', '_journal.json'), 'utf8'))
  journal.entries = journal.entries.slice(0, 1)
  cpSync(join(FOLDER, `${journal.entries[0].tag}.sql`), join(folder, `${journal.entries[0].tag}.sql`))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal))
  return folder
}

/** One row in each table 0000_init created, written as that release's repositories would write them. */
function seed(sqlite: SqliteDatabase) {
  const db = drizzle({ client: sqlite })
  const at = '2026-01-02T03:04:05.678Z'
  const task = newTask({ title: 'ship tokens', assignees: ['ada', 'bob'], rationale: 'why' }, 'ada', at)
  const others = [
    newTask({ title: 'reversed', assignees: ['bob', 'ada'] }, 'ada', at),
    newTask({ title: 'nobody' }, 'ada', at),
  ]
  const bug = newBug({ title: 'leak', severity: 'high', taskId: task.id, reproSteps: ['run'] }, at)
  const update = newStatusUpdate({ message: 'halfway', taskId: task.id }, 'bob', at)
  const note = newDesignNote({ title: 'n', context: 'c', decision: 'd', consequences: 'e' }, 'ada', at)
  // 0000's tasks table held the assignees as a JSON array; the current schema no longer declares that column.
  const insertTask = sqlite.prepare(
    `INSERT INTO tasks (id, title, status, priority, assignees, rationale_log, version, created_at, updated_at)
     VALUES (@id, @title, @status, @priority, @assignees, @rationaleLog, @version, @createdAt, @updatedAt)`,
  )
  for (const row of [task, ...others].map(taskToRow)) insertTask.run(row)
  db.insert(bugs).values(bugToRow(bug)).run()
  db.insert(statusUpdates).values(statusUpdateToRow(update)).run()
  // 0000's design notes had no status or version: the lifecycle migration adds them (accepted, 1).
  const { status: _s, version: _v, ...noteRow } = designNoteToRow(note)
  sqlite
    .prepare(
      `INSERT INTO design_notes (id, title, context, decision, consequences, actor, created_at, superseded_by)
       VALUES (@id, @title, @context, @decision, @consequences, @actor, @createdAt, @supersededBy)`,
    )
    .run(noteRow)
  const entries = [
    auditEntry('task', 'create', 'ada', at, null, task),
    auditEntry('bug', 'create', 'ada', at, null, bug),
    auditEntry('status_update', 'create', 'bob', at, null, update),
    auditEntry('design_note', 'create', 'ada', at, null, note),
  ]
  // 0000's audit entries had no hash columns: the migration adds them and back-fills the chain.
  const insertEntry = sqlite.prepare(
    `INSERT INTO audit_entries (id, seq, actor, entity, entity_id, action, at, diff)
     VALUES (@id, @seq, @actor, @entity, @entityId, @action, @at, @diff)`,
  )
  entries.forEach((entry, i) => {
    const {
      prevHash: _p,
      hash: _h,
      ...row
    } = auditEntryToRow({ ...entry, seq: i + 1, prevHash: '', hash: '' })
    insertEntry.run(row)
  })
  return { task, others }
}

const tableNames = (sqlite: SqliteDatabase) =>
  sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()

t.test('a populated 0000 database migrates to the latest schema and keeps every row', async (t) => {
  // One testdir call: each call empties the directory.
  const dir = t.testdir()
  const path = join(dir, 'trail.db')
  const old = openSqlite(path, { synchronous: 'NORMAL' })
  t.same(applyMigrations(old, firstMigrationOnly(dir)), { applied: ['0000_init'], schemaVersion: 1 })
  const { task, others } = seed(old)
  const before = allRows(old)
  // The tasks' rows lose their assignees column; every other value stays.
  before.tasks = (before.tasks ?? []).map((row) => {
    const { assignees: _, ...rest } = row as { assignees: string }
    return rest
  })
  t.notOk(tableNames(old).includes('api_tokens'), 'the 0000 database has no tokens table')
  closeSqlite(old)

  t.same(migrateSqlite(path), { applied: TAGS.slice(1), schemaVersion: SCHEMA_VERSION })

  const migrated = openSqlite(path, { synchronous: 'NORMAL' })
  const after = allRows(migrated)
  after.audit_entries = (after.audit_entries ?? []).map((row) => {
    const { prev_hash: _p, hash: _h, ...rest } = row as { prev_hash: string; hash: string }
    return rest
  })
  after.design_notes = (after.design_notes ?? []).map((row) => {
    const { status, version, ...rest } = row as { status: string; version: number }
    t.same({ status, version }, { status: 'accepted', version: 1 }, 'an old note is accepted, at version 1')
    return rest
  })
  t.same(after, before, 'every row of every table is still there, unchanged (audit entries gain hashes)')
  t.ok(tableNames(migrated).includes('api_tokens'))
  t.equal(migrated.prepare('SELECT count(*) FROM api_tokens').pluck().get(), 0, 'with no token in it')
  t.same(migrated.pragma('foreign_key_check'), [], 'and no broken foreign key')
  closeSqlite(migrated)

  const { repos } = await openBackend(t, { path })
  t.same(await repos.health(), { schemaVersion: SCHEMA_VERSION })
  t.same(await repos.tasks.get(task.id), task, 'the old rows read back through the repositories')
  for (const other of others) t.same(await repos.tasks.get(other.id), other, 'assignees keep their order')
  t.same(
    (await repos.tasks.list({ filter: { assignee: 'bob' }, limit: 10 })).items
      .map((found) => found.title)
      .sort(),
    ['reversed', 'ship tokens'],
    'and are found by ?assignee=',
  )
  t.equal(await repos.tokens.exists(), false)
  const token = await repos.tokens.create({
    actor: 'ada',
    role: 'admin',
    secretHash: 'f'.repeat(64),
    expiresAt: null,
  })
  t.same(await repos.tokens.findBySecretHash('f'.repeat(64)), token, 'and tokens are stored')
  t.same(await verifyChain(repos), { count: 4, failure: undefined }, 'the back-filled chain verifies')
  await repos.tasks.update(task.id, { title: 'next' }, task.version, 'ada')
  t.same(await verifyChain(repos), { count: 5, failure: undefined }, 'and the next write links to it')
})

t.test('0001_api_tokens only adds: no table rebuild, nothing dropped', async (t) => {
  const statements = readFileSync(join(FOLDER, '0001_api_tokens.sql'), 'utf8')
  t.notMatch(statements, /__new_|DROP |ALTER TABLE|PRAGMA/i)
})

t.test('the token lookup by hash is served by its unique index', async (t) => {
  const { sqlite } = await openBackend(t)
  const plan = sqlite
    .prepare('EXPLAIN QUERY PLAN SELECT id FROM api_tokens WHERE secret_hash = ?')
    .all('x') as { detail: string }[]
  t.match(plan.map((step) => step.detail).join('\n'), /USING INDEX api_tokens_secret_hash_unique/)
})
