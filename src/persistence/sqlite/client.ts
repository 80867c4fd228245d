// Opening and closing the SQLite file with the pragmas every trail connection runs under.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

export type SqliteDatabase = Database.Database

export interface SqliteClientOptions {
  /** NORMAL survives a process crash (WAL); FULL also survives a power cut, at some write throughput. */
  synchronous: 'NORMAL' | 'FULL'
  /** How long a write waits for another connection's lock before giving up with SQLITE_BUSY. */
  busyTimeoutMs?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

export function openSqlite(path: string, options: SqliteClientOptions): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true })
  // The timeout is set by the constructor, before the first pragma: switching a fresh file to WAL needs a
  // lock, and several processes may be opening the same file at once.
  const sqlite = new Database(path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS })
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma(`synchronous = ${options.synchronous}`)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

/** Folds the WAL back into the database file and truncates it, so a closed database is one file again. */
export function closeSqlite(sqlite: SqliteDatabase): void {
  if (!sqlite.open) return
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
}
