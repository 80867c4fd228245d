// Retention by one process at a time on a SQLite file (docs/adr/0003): `trail audit prune` and the server's
// daily run take an exclusive lock on a small file beside the database, `<database>-retention-lock`, without
// waiting, and hold it for the whole run. The lock is SQLite's own (a POSIX advisory lock, taken in exclusive
// locking mode and kept until the connection closes), so it holds between processes and between connections of
// one process, and the operating system drops it when its process ends however it ends: a prune killed part way
// leaves no stale lock, and the next prune resumes its work. The file itself stays, holding nothing.
import Database from 'better-sqlite3'
import type { AuditChain } from '../contract.js'
import type { SqliteDatabase } from './client.js'

/** The file whose lock marks a retention run on the database at `databasePath`. */
export const retentionLockPath = (databasePath: string) => `${databasePath}-retention-lock`

/** Tries the lock once; the open connection that holds it, or undefined when another run holds it. */
function tryLock(path: string): SqliteDatabase | undefined {
  const lock = new Database(path, { timeout: 0 })
  try {
    lock.pragma('locking_mode = EXCLUSIVE')
    // An exclusive transaction takes the file's exclusive lock; in exclusive locking mode it is kept after COMMIT,
    // so no transaction stays open while the run awaits.
    lock.exec('BEGIN EXCLUSIVE; COMMIT')
    return lock
  } catch (error) {
    lock.close()
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) return undefined
    throw error
  }
}

/** The SQLite backend's asRetentionRunner; an in-memory database has no file to share, so nothing to lock. */
export function sqliteRetentionRunner(sqlite: SqliteDatabase): AuditChain['asRetentionRunner'] {
  if (sqlite.memory) return (work) => work()
  const path = retentionLockPath(sqlite.name)
  return async (work) => {
    const lock = tryLock(path)
    if (lock === undefined) return undefined
    try {
      return await work()
    } finally {
      lock.close()
    }
  }
}
