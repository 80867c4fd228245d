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
  /**
   * The connection's page cache in KiB; better-sqlite3's 16 MiB when unset. A connection that reads the file
   * through once (`trail audit verify`) gains nothing from more than a little.
   */
  cacheKiB?: number
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

export function openSqlite(path: string, options: SqliteClientOptions): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true })
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const sqlite = new Database(path, { timeout: busyTimeoutMs })
  try {
    switchToWal(sqlite, busyTimeoutMs)
    sqlite.pragma(`synchronous = ${options.synchronous}`)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`)
    if (options.cacheKiB !== undefined) sqlite.pragma(`cache_size = ${-Math.trunc(options.cacheKiB)}`)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return sqlite
}

const pause = new Int32Array(new SharedArrayBuffer(4))
const WAL_RETRY_MS = 5

/**
 * Switching a new file to WAL needs an exclusive lock. When several processes open the file at once, each
 * holds a read lock while asking for it, and SQLite fails all but one with SQLITE_BUSY at once rather than
 * have them wait on each other (busy_timeout does not apply). So they wait here, within the same timeout;
 * once the file is in WAL mode the pragma takes no lock and passes straight through.
 */
function switchToWal(sqlite: SqliteDatabase, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let mode: unknown
    try {
      mode = sqlite.pragma('journal_mode = WAL', { simple: true })
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')
      if (!busy || Date.now() >= deadline) throw error
      Atomics.wait(pause, 0, 0, WAL_RETRY_MS)
      continue
    }
    // SQLite answers with the mode it kept when it cannot use WAL at all (an in-memory database).
    if (mode !== 'wal') throw new Error(`The database cannot use WAL mode; its journal mode is ${mode}`)
    return
  }
}

/** Folds the WAL back into the database file and truncates it, so a closed database is one file again. */
export function closeSqlite(sqlite: SqliteDatabase): void {
  if (!sqlite.open) return
  try {
    // A read-only connection cannot checkpoint; the WAL is its writers' to fold in.
    if (sqlite.readonly) return
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
}
