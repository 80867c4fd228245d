// Applies the generated migrations in drizzle/postgres. Drizzle's migrator takes no lock of its own, so every
// run holds a session advisory lock on one connection: instances starting together (or `trail migrate` beside a
// running service) apply each migration exactly once, the others waiting and then finding nothing to do.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { count, max, type SQL, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import { bigint, pgTable, serial, text } from 'drizzle-orm/pg-core'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePgliteDatabase } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { BACKFILL_BATCH, BACKFILL_START, type BackfillCursor, linkBatch } from '../chain-backfill.js'
import { migrationsFolder } from '../migrations.js'
import type { AuditEntryRow } from '../rows.js'
import type { PostgresDatabase } from './database.js'
import { describeConnectionFailure, describeMigrationFailure, isConnectionFailure } from './errors.js'
import { AUDIT_APPEND_LOCK, MIGRATION_LOCK } from './locks.js'

const MIGRATIONS_FOLDER = migrationsFolder('postgres')
const MIGRATION_CONFIG = {
  migrationsFolder: MIGRATIONS_FOLDER,
  migrationsTable: 'schema_migrations',
  // Beside our tables rather than in drizzle's default `drizzle` schema, so health checks and dumps find it.
  migrationsSchema: 'public',
}

/**
 * The table drizzle's migrator keeps, one row per applied migration. Declared here, not in tables.ts, because
 * the migrator creates it: drizzle-kit must not generate it.
 */
export const schemaMigrations = pgTable('schema_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
})

export interface MigrationResult {
  /** Tags of the migrations this run applied (e.g. `0000_init`), oldest first; empty when none were pending. */
  applied: string[]
  /** How many migrations the database has now. */
  schemaVersion: number
}

interface JournalEntry {
  tag: string
  when: number
}

function journal(): JournalEntry[] {
  const text = readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries
}

/** Both drivers return `{ rows }` from `execute`; Drizzle's generic database type does not say so. */
async function rowsOf<Row>(db: PostgresDatabase, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query)
  return (result as { rows: Row[] }).rows
}

/** Drizzle's own rule: a migration is pending when it is newer than the newest one applied. */
async function pendingMigrations(db: PostgresDatabase): Promise<JournalEntry[]> {
  const [table] = await rowsOf<{ name: string | null }>(
    db,
    sql`select to_regclass('public.schema_migrations')::text as name`,
  )
  if (table?.name == null) return journal()
  const [newest] = await db.select({ at: max(schemaMigrations.createdAt) }).from(schemaMigrations)
  const appliedUpTo = newest?.at ?? Number.NEGATIVE_INFINITY
  return journal().filter((entry) => entry.when > appliedUpTo)
}

async function appliedCount(db: PostgresDatabase): Promise<number> {
  const [row] = await db.select({ applied: count() }).from(schemaMigrations)
  return row?.applied ?? 0
}

/**
 * Hashes audit entries written before the chain (chain-backfill.ts), a batch per transaction. Each batch holds
 * the append lock, so a writer of another instance waits at most one batch and never links to an unhashed
 * entry. Returns how many entries it hashed.
 */
export async function backfillAuditChain(db: PostgresDatabase, batchSize = BACKFILL_BATCH): Promise<number> {
  const [newest] = await rowsOf<BackfillCursor>(
    db,
    sql`select seq, hash from audit_entries where hash <> '' order by seq desc limit 1`,
  )
  let cursor = newest ?? BACKFILL_START
  let hashed = 0
  for (;;) {
    const step = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
      const rows = await rowsOf<AuditEntryRow>(
        tx,
        sql`select id, seq, actor, entity, entity_id as "entityId", action, at::float8 as at, diff,
              prev_hash as "prevHash", hash
            from audit_entries where seq > ${cursor.seq} order by seq limit ${batchSize}`,
      )
      const { updates, next } = linkBatch(cursor, rows)
      for (const update of updates) {
        await tx.execute(
          sql`update audit_entries set prev_hash = ${update.prevHash}, hash = ${update.hash} where seq = ${update.seq}`,
        )
      }
      return { count: rows.length, hashed: updates.length, next }
    })
    hashed += step.hashed
    cursor = step.next
    if (step.count < batchSize) return hashed
  }
}

/** Runs drizzle's migrator on `db`, which must be bound to one connection so the session lock covers it. */
async function migrateUnderLock(
  db: PostgresDatabase,
  runMigrator: () => Promise<void>,
): Promise<MigrationResult> {
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`)
  try {
    const pending = await pendingMigrations(db)
    await runMigrator()
    await backfillAuditChain(db)
    return { applied: pending.map((entry) => entry.tag), schemaVersion: await appliedCount(db) }
  } finally {
    // When the connection is gone the server has released the lock already; the migration error matters more.
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {})
  }
}

/**
 * Migrates the database at `url` on a connection of its own. Any failure is one line naming host and port, never
 * the password or the SQL; the original error is its `cause`.
 */
export async function migratePostgres(url: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  // A connection lost mid-migration rejects the running query; without a listener it would also crash the process.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    throw new Error(describeConnectionFailure(url, error), { cause: error })
  }
  try {
    const db = drizzle(client)
    return await migrateUnderLock(db, () => migrateNodePostgres(db, MIGRATION_CONFIG))
  } catch (error) {
    const describe = isConnectionFailure(error) ? describeConnectionFailure : describeMigrationFailure
    throw new Error(describe(url, error), { cause: error })
  } finally {
    await client.end().catch(() => {})
  }
}

/** Migrates an in-process PGlite database (tests, demos): the same migrations through drizzle's PGlite migrator. */
export function migratePglite(db: PgliteDatabase): Promise<MigrationResult> {
  return migrateUnderLock(db, () => migratePgliteDatabase(db, MIGRATION_CONFIG))
}
