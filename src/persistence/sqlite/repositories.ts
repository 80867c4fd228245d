// The SQLite repositories over one open connection, each method's SQLite faults turned into 503s.
import { serviceUnavailable } from '../../core/errors.js'
import type { Repos } from '../contract.js'
import { createAuditRepository } from './audit.js'
import { createBugRepository } from './bugs.js'
import { closeSqlite, type SqliteDatabase } from './client.js'
import { createDesignNoteRepository } from './design-notes.js'
import { createSqliteDump } from './dump.js'
import { serviceFault, withFaultTranslation } from './faults.js'
import { MIGRATIONS_TABLE } from './migrate.js'
import { createStatusUpdateRepository } from './status-updates.js'
import { createStore } from './store.js'
import { createTaskRepository } from './tasks.js'
import { createTokenRepository } from './tokens.js'

/**
 * Repositories over a migrated database; closing them closes `sqlite`. The connection's busy_timeout becomes
 * the writes' lock-wait budget, and the connection itself stops waiting (busy_timeout 0): a write waits for
 * another connection's lock on a timer (store.ts), never by sleeping on the event loop's thread.
 */
export function createSqliteRepos(sqlite: SqliteDatabase): Repos {
  const lockWaitMs = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma('busy_timeout = 0')
  const store = createStore(sqlite, lockWaitMs)
  const bugs = createBugRepository(store)
  const statusUpdates = createStatusUpdateRepository(store)
  // A deleted task's bugs are detached (and audited) before its status updates, as in every backend.
  const tasks = createTaskRepository(store, [bugs.detachFromTask, statusUpdates.detachFromTask])
  const countMigrations = sqlite.prepare(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`).pluck()

  return {
    kind: 'sqlite',
    tasks: withFaultTranslation(tasks),
    bugs: withFaultTranslation(bugs.repository),
    statusUpdates: withFaultTranslation(statusUpdates.repository),
    designNotes: withFaultTranslation(createDesignNoteRepository(store)),
    audit: withFaultTranslation(createAuditRepository(store)),
    dump: withFaultTranslation(createSqliteDump(sqlite, lockWaitMs)),
    tokens: withFaultTranslation(createTokenRepository(store)),
    async health() {
      try {
        return { schemaVersion: countMigrations.get() as number }
      } catch (error) {
        throw serviceFault(error) ?? serviceUnavailable('The database cannot be reached')
      }
    },
    async close() {
      // The final checkpoint may wait for readers, as it did before the repositories took the wait over.
      if (sqlite.open) sqlite.pragma(`busy_timeout = ${lockWaitMs}`)
      closeSqlite(sqlite)
    },
  }
}
