// The persistence plugin: the one place that chooses a backend. It opens the repositories inside the plugin
// (never at import time), decorates `app.repos`, and closes them when the app closes. It sits outside
// src/persistence/ because the backends import the shared contract there: the folder holding the contract
// must not import them back.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from './config.js'
import type { Repos } from './persistence/contract.js'
import { createMemoryRepos } from './persistence/memory/index.js'
import { SCHEMA_VERSION } from './persistence/schema-version.js'

declare module 'fastify' {
  interface FastifyInstance {
    repos: Repos
  }
}

/** Opens the backend the configuration names; the CLI uses this too. */
export async function openRepos(config: Config): Promise<Repos> {
  switch (config.persistence) {
    case 'memory':
      return createMemoryRepos()
    case 'sqlite':
      return (await import('./persistence/sqlite/index.js')).openSqliteRepos(config.sqlite)
    case 'postgres':
      return (await import('./persistence/postgres/index.js')).openPostgresRepos(config.postgres)
  }
}

export interface MigrationReport {
  /** Tags of the migrations applied now, oldest first; empty when the database was up to date. */
  applied: string[]
  schemaVersion: number
}

/** Brings the configured database up to date without serving it: `trail migrate`. */
export async function migrateDatabase(config: Config): Promise<MigrationReport> {
  switch (config.persistence) {
    case 'memory':
      return { applied: [], schemaVersion: SCHEMA_VERSION }
    case 'sqlite':
      return (await import('./persistence/sqlite/index.js')).migrateSqlite(config.sqlite.path, config.sqlite)
    case 'postgres':
      return (await import('./persistence/postgres/index.js')).migratePostgres(config.postgres.url as string)
  }
}

/** An online, consistent copy of the live database file: `trail backup` (SQLite only). */
export async function backupDatabase(config: Config, outPath: string): Promise<void> {
  if (config.persistence !== 'sqlite') {
    throw new Error(
      `backup copies a SQLite file; for ${config.persistence} use \`trail export\` (or pg_dump for PostgreSQL)`,
    )
  }
  await (await import('./persistence/sqlite/index.js')).backupSqlite(config.sqlite.path, outPath)
}

export interface PersistenceOptions {
  config: Config
  /** Already-open repositories to use instead (tests inject faulty ones); still closed with the app. */
  repos?: Repos
}

export default fp(
  async (app: FastifyInstance, options: PersistenceOptions) => {
    const repos = options.repos ?? (await openRepos(options.config))
    app.decorate('repos', repos)
    app.addHook('onClose', () => repos.close())
  },
  { name: 'persistence' },
)
