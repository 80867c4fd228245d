// The SQLite backend: one file in WAL mode, opened and migrated on start.
import type { Repos } from '../contract.js'
import { openSqlite, type SqliteClientOptions, type SqliteDatabase } from './client.js'
import { toTrailFailure } from './errors.js'
import { applyMigrations } from './migrate.js'
import { createSqliteRepos, type SqliteReposOptions } from './repositories.js'

export { type BackupOptions, type BackupProgress, backupSqlite } from './backup.js'
export { DEFAULT_BUSY_TIMEOUT_MS, type SqliteClientOptions, type SqliteDatabase } from './client.js'
export { createSqliteDump } from './dump.js'
export { type MigrationResult, migrateSqlite } from './migrate.js'
export { createSqliteRepos, type SqliteReposOptions } from './repositories.js'

export interface SqliteOptions extends SqliteClientOptions, SqliteReposOptions {
  path: string
}

/** The repositories and the connection under them, for tests that need to reach past the contract. */
export interface SqliteBackend {
  repos: Repos
  sqlite: SqliteDatabase
}

/** Opens the file (creating it and its folder), applies pending migrations and builds the repositories. */
export async function openSqliteBackend(options: SqliteOptions): Promise<SqliteBackend> {
  let sqlite: SqliteDatabase
  try {
    sqlite = openSqlite(options.path, options)
  } catch (error) {
    throw toTrailFailure(error)
  }
  try {
    applyMigrations(sqlite)
    return { repos: createSqliteRepos(sqlite, options), sqlite }
  } catch (error) {
    sqlite.close()
    throw toTrailFailure(error)
  }
}

export async function openSqliteRepos(options: SqliteOptions): Promise<Repos> {
  return (await openSqliteBackend(options)).repos
}
