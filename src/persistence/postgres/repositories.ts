// PostgreSQL repositories over any Drizzle PostgreSQL database (node-postgres pool, or PGlite in tests).
// Writes go through the one write path (../writes.ts); apply.ts runs each in one transaction holding its audit
// entries. Concurrent writers are kept apart by row locks and compare-and-set on `version`, never by this
// process, since several service instances may share the database.
import { count } from 'drizzle-orm'
import { type Clock, systemClock } from '../../domains/audit/entries.js'
import type { Repos } from '../contract.js'
import { entityRepositories } from '../writes.js'
import { createPostgresTransact } from './apply.js'
import { createPostgresChain, type RetentionRunner } from './chain.js'
import type { CopyConnection } from './copy.js'
import type { PostgresDatabase } from './database.js'
import { createPostgresDump } from './dump.js'
import { withRetries } from './errors.js'
import { createPostgresFeed, type RemoteAppends } from './feed.js'
import { createPostgresLists } from './lists.js'
import { schemaMigrations } from './migrate.js'
import { createPostgresSearch } from './search.js'
import { createTokenRepository } from './tokens.js'
import { createPostgresWebhooks } from './webhooks.js'

export interface PostgresReposOptions {
  /** Releases what the database runs on (the pool, the PGlite instance); called at most once. */
  close(): Promise<void>
  /** Epoch milliseconds now; Date.now by default. */
  clock?: Clock
  /**
   * Runs retention's work holding the retention lock on a connection of its own, or answers undefined when
   * another instance holds it (pool.ts). Without it (PGlite: one in-process database), one run at a time in
   * this process.
   */
  asRetentionRunner?: RetentionRunner
  /** How change feeds hear other instances' commits (notifier.ts); without it, only this instance's. */
  remoteAppends?: RemoteAppends
  /**
   * A connection of its own for a dump load, which then writes through COPY (copy.ts; a node-postgres pool
   * only, pool.ts). Without it (PGlite, which has no COPY FROM STDIN here), the load sends INSERTs.
   */
  copyConnections?: () => Promise<CopyConnection>
}

/** Repositories over `db`, already migrated. The caller owns the connection; `close` is how it is let go. */
export function createPostgresRepos(db: PostgresDatabase, options: PostgresReposOptions): Repos {
  const clock = options.clock ?? systemClock
  // Both the app's onClose and a test's teardown may close; the pool must be ended only once.
  let closing: Promise<void> | undefined
  const changes = createPostgresFeed(db, options.remoteAppends)

  return {
    kind: 'postgres',
    ...entityRepositories(
      createPostgresTransact(db, clock, options.remoteAppends?.origin),
      createPostgresLists(db),
      createPostgresChain(db, options.asRetentionRunner),
      changes.committed,
    ),
    search: createPostgresSearch(db),
    feed: changes.feed,
    dump: createPostgresDump(db, options.copyConnections),
    tokens: createTokenRepository(db, clock),
    webhooks: createPostgresWebhooks(db, clock),
    health: () =>
      withRetries(async () => {
        const [row] = await db.select({ applied: count() }).from(schemaMigrations)
        return { schemaVersion: row?.applied ?? 0 }
      }),
    close() {
      closing ??= Promise.all([options.remoteAppends?.close(), options.close()]).then(() => {})
      return closing
    },
  }
}
