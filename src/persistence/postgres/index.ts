// The PostgreSQL backend: node-postgres pool → Drizzle → repositories (pool.ts). Opening migrates first (under an
// advisory lock, see migrate.ts), so a service instance never serves an older schema than its code expects.
export type { PostgresDatabase } from './database.js'
export { type MigrationResult, migratePglite, migratePostgres } from './migrate.js'
export { openPostgresRepos, type PostgresOptions } from './pool.js'
export { createPostgresRepos, type PostgresReposOptions } from './repositories.js'
