// Upgrading a database that holds data: one created at 0000_init, with a row in every table, is migrated to the
// latest schema. Every row must come through unchanged (0002 moves the tasks' assignees into task_assignees, in
// order), and the service must then store tokens in it. Runs on PGlite, and on a scratch database of the real
// server when TEST_DATABASE_URL is set.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { getTableColumns, sql } from 'drizzle-orm'
import { drizzle as nodePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as pglite } from 'drizzle-orm/pglite'
import { migrate as migratePgliteDatabase } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import t, { type Test } from 'tap'
import { auditEntry } from '../../src/domains/audit/entries.js'
import { newBug } from '../../src/domains/bugs/rules.js'
import { newDesignNote } from '../../src/domains/design-notes/rules.js'
import { newStatusUpdate } from '../../src/domains/status-updates/rules.js'
import { newTask } from '../../src/domains/tasks/rules.js'
import type { Repos } from '../../src/persistence/contract.js'
import { migrationsFolder } from '../../src/persistence/migrations.js'
import {
  createPostgresRepos,
  type MigrationResult,
  migratePglite,
  migratePostgres,
  openPostgresRepos,
  type PostgresDatabase,
} from '../../src/persistence/postgres/index.js'
import {
  auditEntryToRow,
  bugToRow,
  designNoteToRow,
  statusUpdateToRow,
  taskToRow,
} from '../../src/persistence/postgres/rows.js'
import {
  auditEntries,
  bugs,
  designNotes,
  statusUpdates,
  tasks,
} from '../../src/persistence/postgres/tables.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { scratchDatabase, testDatabaseUrl } from '../backends/postgres.js'
import { verifyChain } from '../fixtures.js'

const FOLDER = migrationsFolder('postgres')
const TAGS: string[] = JSON.parse(readFileSync(join(FOLDER, 'meta', '_journal.json'), 'utf8')).entries.map(
  (entry: { tag: string }) => entry.tag,
)

/** A copy of drizzle/postgres whose journal stops at its first migration: what a 0000-era release shipped. */
function firstMigrationOnly(t: Test) {
  const folder = join(t.testdir(), 'drizzle-0000')
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const journal = JSON.parse(readFileSync(join(FOLDER, 'meta', '_journal.json'), 'utf8'))
  journal.entries = journal.entries.slice(0, 1)
  const tag: string = journal.entries[0].tag
  writeFileSync(join(folder, `${tag}.sql`), readFileSync(join(FOLDER, `${tag}.sql`)))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal))
  // The bookkeeping the service's migrator keeps (see src/persistence/postgres/migrate.ts).
  return { migrationsFolder: folder, migrationsTable: 'schema_migrations', migrationsSchema: 'public' }
}

/** One row in each table 0000_init created, written as that release's repositories would write them. */
async function seed(db: PostgresDatabase) {
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
  for (const row of [task, ...others].map(taskToRow)) {
    await db.execute(
      sql`insert into tasks (id, title, status, priority, assignees, rationale_log, version, created_at, updated_at)
          values (${row.id}, ${row.title}, ${row.status}, ${row.priority}, ${row.assignees}, ${row.rationaleLog},
                  ${row.version}, ${row.createdAt}, ${row.updatedAt})`,
    )
  }
  await db.insert(bugs).values(bugToRow(bug))
  await db.insert(statusUpdates).values(statusUpdateToRow(update))
  // 0000's design notes had no status or version: the lifecycle migration adds them (accepted, 1).
  const noteRow = designNoteToRow(note)
  await db.execute(
    sql`insert into design_notes (id, title, context, decision, consequences, actor, created_at, superseded_by)
        values (${noteRow.id}, ${noteRow.title}, ${noteRow.context}, ${noteRow.decision}, ${noteRow.consequences},
                ${noteRow.actor}, ${noteRow.createdAt}, ${noteRow.supersededBy})`,
  )
  const entries = [
    auditEntry('task', 'create', 'ada', at, null, task),
    auditEntry('bug', 'create', 'ada', at, null, bug),
    auditEntry('status_update', 'create', 'bob', at, null, update),
    auditEntry('design_note', 'create', 'ada', at, null, note),
  ]
  // 0000's audit entries had no hash columns (drizzle would name them): the migration adds them and back-fills.
  for (const [i, entry] of entries.entries()) {
    const row = auditEntryToRow({ ...entry, seq: i + 1, prevHash: '', hash: '' })
    await db.execute(
      sql`insert into audit_entries (id, seq, actor, entity, entity_id, action, at, diff)
          values (${row.id}, ${row.seq}, ${row.actor}, ${row.entity}, ${row.entityId}, ${row.action}, ${row.at}, ${row.diff})`,
    )
  }
  return { task, others }
}

const { prevHash: _p, hash: _h, ...auditColumnsOf0000 } = getTableColumns(auditEntries)
const { status: _s, version: _v, ...designNoteColumnsOf0000 } = getTableColumns(designNotes)

/** Every row of every 0000 table, in a stable order: what the migration must leave unchanged. */
const allRows = async (db: PostgresDatabase) => ({
  tasks: await db.select().from(tasks).orderBy(tasks.id),
  bugs: await db.select().from(bugs).orderBy(bugs.id),
  statusUpdates: await db.select().from(statusUpdates).orderBy(statusUpdates.id),
  // Without the lifecycle columns, which 0000 did not have and the migration adds.
  designNotes: await db.select(designNoteColumnsOf0000).from(designNotes).orderBy(designNotes.id),
  // Without the hash columns, which 0000 did not have and the migration adds.
  auditEntries: await db.select(auditColumnsOf0000).from(auditEntries).orderBy(auditEntries.id),
})

async function tokensTable(db: PostgresDatabase): Promise<string | null> {
  const result: unknown = await db.execute(sql`select to_regclass('public.api_tokens')::text as name`)
  return (result as { rows: { name: string | null }[] }).rows[0]?.name ?? null
}

/** What a database at 0000 holding rows, then migrated by the service, must show. */
async function checkUpgrade(
  t: Test,
  old: PostgresDatabase,
  migrate: () => Promise<MigrationResult>,
  openRepos: () => Promise<{ repos: Repos; db: PostgresDatabase }>,
) {
  const { task, others } = await seed(old)
  const before = await allRows(old)
  t.equal(await tokensTable(old), null, 'the 0000 database has no tokens table')

  t.same(await migrate(), { applied: TAGS.slice(1), schemaVersion: SCHEMA_VERSION })

  const { repos, db } = await openRepos()
  t.same(await allRows(db), before, 'every row of every table is still there, unchanged')
  t.equal(await tokensTable(db), 'api_tokens')
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
  t.equal(await repos.tokens.exists(), false, 'with no token yet')
  const token = await repos.tokens.create({
    actor: 'ada',
    role: 'admin',
    secretHash: 'f'.repeat(64),
    expiresAt: '2030-01-01T00:00:00.000Z',
  })
  t.same(await repos.tokens.findBySecretHash('f'.repeat(64)), token, 'and tokens are stored')
  t.same(await verifyChain(repos), { count: 4, failure: undefined }, 'the back-filled chain verifies')
  await repos.tasks.update(task.id, { title: 'next' }, task.version, 'ada')
  t.same(await verifyChain(repos), { count: 5, failure: undefined }, 'and the next write links to it')
  await t.rejects(
    repos.tokens.create({ actor: 'bob', role: 'viewer', secretHash: 'f'.repeat(64), expiresAt: null }),
    /23505/,
    'a secret hash is stored once',
  )
}

t.test('PGlite: a populated 0000 database migrates to the latest schema', async (t) => {
  const client = new PGlite()
  t.teardown(() => client.close())
  const db = pglite(client)
  await migratePgliteDatabase(db, firstMigrationOnly(t))
  await checkUpgrade(
    t,
    db,
    () => migratePglite(db),
    async () => ({ db, repos: createPostgresRepos(db, { close: async () => {} }) }),
  )
})

if (testDatabaseUrl !== undefined) {
  const adminUrl = testDatabaseUrl
  t.test('PostgreSQL: a populated 0000 database migrates to the latest schema', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    t.teardown(() => client.end())
    const db = nodePostgres(client)
    await migrateNodePostgres(db, firstMigrationOnly(t))
    await checkUpgrade(
      t,
      db,
      () => migratePostgres(url),
      async () => {
        const repos = await openPostgresRepos({ url, poolSize: 2 })
        t.teardown(() => repos.close())
        return { repos, db }
      },
    )
  })
}
