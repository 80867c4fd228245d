// Applies the generated migrations in drizzle/sqlite exactly once, however many processes start together.
//
// Drizzle's better-sqlite3 migrator reads which migrations are applied before it opens its (deferred)
// transaction and takes no lock, so two processes starting at once can both run 0000 and one dies on "table
// already exists"; it also issues its own BEGIN, so it cannot be wrapped in ours. This runs the same steps,
// with the same files (readMigrationFiles), bookkeeping table and rule, so drizzle-kit still reads the
// database, inside one BEGIN IMMEDIATE: the first process takes the write lock, the others wait for it
// (busy_timeout) and then find nothing left to apply.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator'
import { BACKFILL_BATCH, BACKFILL_START, type BackfillCursor, linkBatch } from '../chain-backfill.js'
import { migrationsFolder } from '../migrations.js'
import type { AuditEntryRow } from '../rows.js'
import { closeSqlite, openSqlite, type SqliteClientOptions, type SqliteDatabase } from './client.js'

export const MIGRATIONS_TABLE = 'schema_migrations'
/** How long a starting process waits for another one's migration: a table rebuild can outlast a request. */
const MIGRATION_LOCK_TIMEOUT_MS = 120_000

export interface MigrationResult {
  /** Tags of the migrations this call applied, oldest first; empty when the database was up to date. */
  applied: string[]
  /** The number of migrations the database now has. */
  schemaVersion: number
}

interface Migration extends MigrationMeta {
  tag: string
}

function readMigrations(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[]
  }
  // readMigrationFiles returns the journal's entries in order, without their tags.
  return readMigrationFiles({ migrationsFolder: folder }).map((meta, i) => ({
    ...meta,
    tag: (journal.entries[i] as { tag: string }).tag,
  }))
}

/**
 * Hashes audit entries written before the chain (chain-backfill.ts), a batch per immediate transaction so a
 * writer waits at most one batch. Returns how many entries it hashed.
 */
export function backfillAuditChain(sqlite: SqliteDatabase, batchSize = BACKFILL_BATCH): number {
  const hasChain = sqlite
    .prepare(`SELECT 1 FROM pragma_table_info('audit_entries') WHERE name = 'hash'`)
    .get()
  if (hasChain === undefined) return 0
  const newestHashed = sqlite.prepare(
    `SELECT seq, hash FROM audit_entries WHERE hash <> '' ORDER BY seq DESC LIMIT 1`,
  )
  const batchAfter = sqlite.prepare(
    `SELECT id, seq, actor, entity, entity_id AS entityId, action, at, diff, prev_hash AS prevHash, hash
     FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT ?`,
  )
  const setHashes = sqlite.prepare(`UPDATE audit_entries SET prev_hash = ?, hash = ? WHERE seq = ?`)
  let cursor = (newestHashed.get() as BackfillCursor | undefined) ?? BACKFILL_START
  let hashed = 0
  for (;;) {
    const step = sqlite
      .transaction(() => {
        const rows = batchAfter.all(cursor.seq, batchSize) as AuditEntryRow[]
        const { updates, next } = linkBatch(cursor, rows)
        for (const update of updates) setHashes.run(update.prevHash, update.hash, update.seq)
        return { count: rows.length, hashed: updates.length, next }
      })
      .immediate()
    hashed += step.hashed
    cursor = step.next
    if (step.count < batchSize) return hashed
  }
}

/** Brings an open database up to date with the migrations in `folder` (tests pass their own). */
export function applyMigrations(
  sqlite: SqliteDatabase,
  folder: string = migrationsFolder('sqlite'),
): MigrationResult {
  const result = applyMigrationFiles(sqlite, folder)
  withBusyTimeout(sqlite, MIGRATION_LOCK_TIMEOUT_MS, () => backfillAuditChain(sqlite))
  return result
}

function withBusyTimeout<T>(sqlite: SqliteDatabase, timeoutMs: number, work: () => T): T {
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma(`busy_timeout = ${timeoutMs}`)
  try {
    return work()
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`)
  }
}

function applyMigrationFiles(sqlite: SqliteDatabase, folder: string): MigrationResult {
  const migrations = readMigrations(folder)
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma(`busy_timeout = ${MIGRATION_LOCK_TIMEOUT_MS}`)
  // drizzle-kit's table rebuilds need foreign keys off, and SQLite ignores the pragma inside a transaction.
  sqlite.pragma('foreign_keys = OFF')
  try {
    return sqlite
      .transaction((): MigrationResult => {
        // The same table drizzle's migrator keeps (its layout included), so drizzle-kit agrees on what is applied.
        sqlite.exec(
          `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
        )
        const lastAppliedAt = sqlite
          .prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`)
          .pluck()
          .get() as number | undefined
        const pending = migrations.filter(
          (migration) => lastAppliedAt === undefined || Number(lastAppliedAt) < migration.folderMillis,
        )
        const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`)
        for (const migration of pending) {
          for (const statement of migration.sql) sqlite.exec(statement)
          record.run(migration.hash, migration.folderMillis)
        }
        if (pending.length > 0) {
          const violations = sqlite.pragma('foreign_key_check') as unknown[]
          if (violations.length > 0) {
            throw new Error(
              `Migrating would leave ${violations.length} foreign key violation(s); nothing was applied`,
            )
          }
        }
        const schemaVersion = sqlite
          .prepare(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`)
          .pluck()
          .get() as number
        return { applied: pending.map((migration) => migration.tag), schemaVersion }
      })
      .immediate()
  } finally {
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${busyTimeout}`)
  }
}

/** Opens the file (creating it and its folder), brings it up to date and closes it: `trail migrate`. */
export function migrateSqlite(
  path: string,
  options: SqliteClientOptions = { synchronous: 'FULL' },
): MigrationResult {
  const sqlite = openSqlite(path, options)
  try {
    return applyMigrations(sqlite)
  } finally {
    closeSqlite(sqlite)
  }
}
