import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

/**
 * Any Drizzle PostgreSQL database: node-postgres in production, PGlite in tests. Repositories and migrations
 * are written against this, never against one driver. An open transaction is one too (Drizzle's transactions
 * are databases bound to one connection), so helpers take either.
 */
export type PostgresDatabase = PgDatabase<PgQueryResultHKT>
