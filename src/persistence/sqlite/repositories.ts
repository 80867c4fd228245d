// The SQLite repositories over one open connection. Writes go through the one write path (../writes.ts);
// apply.ts runs each in one immediate transaction. Each method's SQLite faults are turned into 503s.

import { serviceUnavailable } from '../../core/errors.js'
import { type Clock, systemClock } from '../../domains/audit/entries.js'
import type { Repos } from '../contract.js'
import { entityRepositories } from '../writes.js'
import { createSqliteWriter } from './apply.js'
import { createSqliteChain } from './chain.js'
import { startBackgroundCheckpoints } from './checkpointer.js'
import { closeSqlite, type SqliteDatabase } from './client.js'
import { createSqliteDump } from './dump.js'
import { serviceFault, withFaultTranslation } from './errors.js'
import { createSqliteFeed } from './feed.js'
import { createSqliteLists } from './lists.js'
import { MIGRATIONS_TABLE } from './migrate.js'
import { createSqliteReads } from './reads.js'
import { createSqliteSearch } from './search.js'
import { createStore } from './store.js'
import { createTokenRepository } from './tokens.js'
import { createSqliteWebhooks } from './webhooks.js'

export interface SqliteReposOptions {
  /** Epoch milliseconds now; Date.now by default. */
  clock?: Clock
  /** How often change feeds look for other processes' commits, in milliseconds (250 by default). */
  feedPollMs?: number
  /**
   * Checkpoint the WAL from a worker thread rather than inside the commits on this thread (checkpointer.ts).
   * The server's choice: a long-running writer gains from it, a command that ends soon does not.
   */
  checkpointInBackground?: boolean
}

/**
 * Repositories over a migrated database, each method's SQLite faults turned into 503s; closing them closes
 * `sqlite`. The connection's busy_timeout becomes the writes' lock-wait budget, and the connection itself stops
 * waiting (busy_timeout 0): a write waits for another connection's lock on a timer (store.ts), never by
 * sleeping on the event loop's thread.
 */
export function createSqliteRepos(sqlite: SqliteDatabase, options: SqliteReposOptions = {}): Repos {
  const lockWaitMs = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma('busy_timeout = 0')
  const store = createStore(sqlite, lockWaitMs)
  const reads = createSqliteReads(store)
  const writer = createSqliteWriter(store, reads, options.clock ?? systemClock)
  const changes = createSqliteFeed(store, options.feedPollMs)
  const entities = entityRepositories(
    writer.transact,
    createSqliteLists(store, reads),
    createSqliteChain(store),
    changes.committed,
  )
  const countMigrations = sqlite.prepare(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`).pluck()
  const checkpoints = options.checkpointInBackground ? startBackgroundCheckpoints(sqlite) : undefined

  return {
    kind: 'sqlite',
    tasks: withFaultTranslation(entities.tasks),
    bugs: withFaultTranslation(entities.bugs),
    statusUpdates: withFaultTranslation(entities.statusUpdates),
    designNotes: withFaultTranslation(entities.designNotes),
    audit: withFaultTranslation(entities.audit),
    search: withFaultTranslation(createSqliteSearch(sqlite)),
    feed: changes.feed,
    dump: withFaultTranslation(createSqliteDump(sqlite, lockWaitMs)),
    tokens: withFaultTranslation(createTokenRepository(store, writer.now)),
    webhooks: withFaultTranslation(createSqliteWebhooks(store, writer.now)),
    async health() {
      try {
        return { schemaVersion: countMigrations.get() as number }
      } catch (error) {
        throw serviceFault(error) ?? serviceUnavailable('The database cannot be reached')
      }
    },
    async close() {
      changes.stop()
      await checkpoints?.stop()
      // The final checkpoint may wait for readers, as it did before the repositories took the wait over.
      if (sqlite.open) sqlite.pragma(`busy_timeout = ${lockWaitMs}`)
      closeSqlite(sqlite)
    },
  }
}
