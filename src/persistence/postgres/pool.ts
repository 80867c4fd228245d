// Opening the PostgreSQL backend on a real server: migrate, then a node-postgres pool → Drizzle → repositories.
// Tests without TEST_DATABASE_URL run the backend on PGlite instead (createPostgresRepos over PGlite), so only a
// run with a server reaches the pool (see scripts/coverage-check.mjs).
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Repos } from '../contract.js'
import type { RetentionRunner } from './chain.js'
import { copyConnections } from './copy.js'
import { RETENTION_LOCK } from './locks.js'
import { migratePostgres } from './migrate.js'
import { listenForAppends } from './notifier.js'
import { createPostgresRepos } from './repositories.js'

export interface PostgresOptions {
  url: string | undefined
  poolSize: number
}

/** How long a request waits for a connection (new, or free in the pool) before it is answered with a 503. */
const CONNECTION_TIMEOUT_MS = 5_000

const ignore = () => {}

function createPool(url: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'trail',
  })
  // An idle client whose server went away (restart, failover) is reported on the pool; unheard, the 'error'
  // event would crash the process. The pool drops that client and connects afresh on the next checkout.
  pool.on('error', ignore)
  // A checked-out client has no pool listener: a connection lost between two statements of a transaction would
  // crash the process the same way. The next statement fails and reports the loss to its caller as a 503.
  pool.on('connect', (client) => client.on('error', ignore))
  return pool
}

/**
 * Retention on one instance only: a session advisory lock, tried (never waited for) on a connection held for
 * the whole run, so it is released when the run ends or the connection dies with its process.
 */
function retentionRunner(pool: pg.Pool): RetentionRunner {
  return async (work) => {
    const client = await pool.connect()
    const session = drizzle(client)
    try {
      const result: unknown = await session.execute(
        sql`select pg_try_advisory_lock(${RETENTION_LOCK}) as locked`,
      )
      if ((result as { rows: { locked: boolean }[] }).rows[0]?.locked !== true) return undefined
      try {
        return await work()
      } finally {
        await session.execute(sql`select pg_advisory_unlock(${RETENTION_LOCK})`)
      }
    } finally {
      client.release()
    }
  }
}

/** Migrates the database at `options.url`, then opens repositories on a pool of `options.poolSize` connections. */
export async function openPostgresRepos(options: PostgresOptions): Promise<Repos> {
  if (options.url === undefined) {
    throw new Error('DATABASE_URL is required when PERSISTENCE=postgres: expected a postgres:// URL')
  }
  await migratePostgres(options.url)
  const pool = createPool(options.url, options.poolSize)
  return createPostgresRepos(drizzle(pool), {
    close: () => pool.end(),
    asRetentionRunner: retentionRunner(pool),
    remoteAppends: listenForAppends(options.url),
    copyConnections: copyConnections(pool),
  })
}
