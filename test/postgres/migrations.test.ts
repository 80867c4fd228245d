// Migrations, start-up failures and the schema's likeness to SQLite's.
import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { getTableName } from 'drizzle-orm'
import { getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core'
import { drizzle } from 'drizzle-orm/pglite'
import { getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import t, { type Test } from 'tap'
import { migrationsFolder } from '../../src/persistence/migrations.js'
import {
  type MigrationResult,
  migratePglite,
  migratePostgres,
  openPostgresRepos,
} from '../../src/persistence/postgres/index.js'
import * as pgTables from '../../src/persistence/postgres/tables.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import * as sqliteTables from '../../src/persistence/sqlite/tables.js'
import { scratchDatabase } from '../backends/postgres.js'
import { realServer } from './helpers.js'

const CHILD = join(import.meta.dirname, 'fixtures', 'migrate-child.ts')
const journalTags = (dialect: 'sqlite' | 'postgres'): string[] =>
  JSON.parse(readFileSync(join(migrationsFolder(dialect), 'meta', '_journal.json'), 'utf8')).entries.map(
    (entry: { tag: string }) => entry.tag,
  )
const TAGS = journalTags('postgres')

t.test('both dialects have SCHEMA_VERSION migrations, with the same tags', async (t) => {
  t.equal(TAGS.length, SCHEMA_VERSION)
  t.same(journalTags('sqlite'), TAGS)
})

t.test('migrates a fresh database once, then finds nothing to do', async (t) => {
  const client = new PGlite()
  t.teardown(() => client.close())
  const db = drizzle(client)
  t.same(await migratePglite(db), { applied: TAGS, schemaVersion: SCHEMA_VERSION })
  t.same(await migratePglite(db), { applied: [], schemaVersion: SCHEMA_VERSION })
  const { rows } = await client.query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'schema_migrations'`,
  )
  t.same(rows, [{ schema: 'public' }], 'the migrations table sits beside the data, in public')
})

t.test('the PostgreSQL schema declares what the SQLite schema declares', async (t) => {
  type Config = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>
  // Integer columns may be wider in PostgreSQL (epoch milliseconds need bigint); everything else must match.
  const portableType = (sqlType: string) => (sqlType === 'bigint' ? 'integer' : sqlType)
  const shape = (config: Config) => ({
    name: config.name,
    columns: config.columns.map((c) => ({
      name: c.name,
      type: portableType(c.getSQLType()),
      notNull: c.notNull,
      primary: c.primary,
      unique: c.isUnique ? c.uniqueName : undefined,
    })),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((c) => (c as { name?: string }).name),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys.map((fk) => {
      const { columns, foreignColumns, foreignTable } = fk.reference()
      return {
        columns: columns.map((c) => c.name),
        references: [getTableName(foreignTable), foreignColumns.map((c) => c.name)],
        onDelete: fk.onDelete ?? 'no action',
      }
    }),
  })
  const pairs = [
    [pgTables.tasks, sqliteTables.tasks],
    [pgTables.bugs, sqliteTables.bugs],
    [pgTables.statusUpdates, sqliteTables.statusUpdates],
    [pgTables.designNotes, sqliteTables.designNotes],
    [pgTables.auditEntries, sqliteTables.auditEntries],
    [pgTables.apiTokens, sqliteTables.apiTokens],
  ] as const
  for (const [pgTable, sqliteTable] of pairs) {
    t.same(
      shape(pgTableConfig(pgTable)),
      shape(sqliteTableConfig(sqliteTable)),
      `${getTableName(pgTable)} matches`,
    )
  }
})

t.test('start-up failures are one line naming the server, never the password', async (t) => {
  await t.rejects(openPostgresRepos({ url: undefined, poolSize: 1 }), {
    message: 'DATABASE_URL is required when PERSISTENCE=postgres: expected a postgres:// URL',
  })
  // Port 1 on the loopback address refuses at once: nothing listens there.
  const error = await openPostgresRepos({
    url: 'postgres://trail:s3cret@127.0.0.1:1/trail',
    poolSize: 1,
  }).then(
    () => undefined,
    (e: Error) => e,
  )
  t.equal(error?.message, 'cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)')
  t.notMatch(error?.message, /s3cret/)
})

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  async function startChild(t: Test): Promise<ChildProcess> {
    const child = fork(CHILD, { execArgv: process.execArgv, stdio: 'inherit' })
    t.teardown(() => {
      if (child.connected) child.send('exit')
    })
    const [message] = await once(child, 'message')
    if (message !== 'ready') throw new Error(`child said ${JSON.stringify(message)}`)
    return child
  }

  const migrateIn = async (child: ChildProcess, url: string) => {
    const answer = once(child, 'message')
    child.send({ migrate: url })
    const [result] = await answer
    return result as MigrationResult | { error: string }
  }

  t.test(
    'three processes migrating one fresh database at once: each migration is applied once',
    async (t) => {
      const children = await Promise.all([1, 2, 3].map(() => startChild(t)))
      for (let round = 1; round <= 3; round++) {
        const url = await scratchDatabase(t, adminUrl)
        const results = await Promise.all(children.map((child) => migrateIn(child, url)))
        t.same(
          results.map((r) => ('applied' in r ? r.applied.length : r.error)).sort(),
          [0, 0, TAGS.length],
          `round ${round}: one process applied every migration, the others found them done`,
        )
        t.ok(
          results.every((r) => 'schemaVersion' in r && r.schemaVersion === SCHEMA_VERSION),
          `all report schema version ${SCHEMA_VERSION}`,
        )
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        const { rows } = await client.query('SELECT count(*)::int AS applied FROM schema_migrations')
        await client.end()
        t.same(rows, [{ applied: TAGS.length }], 'recorded once')
      }
    },
  )

  t.test('trail migrate on an up-to-date database applies nothing', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    t.same(await migratePostgres(url), { applied: TAGS, schemaVersion: SCHEMA_VERSION })
    t.same(await migratePostgres(url), { applied: [], schemaVersion: SCHEMA_VERSION })
  })
}
