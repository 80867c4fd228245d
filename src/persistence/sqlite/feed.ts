// The SQLite change feed: the audit trail read forwards by seq (its unique index), woken at once by this
// process's writes and, for writes by other processes on the same file, by a poll of `PRAGMA data_version`
// that runs only while a feed listens.
import { and, asc, gt } from 'drizzle-orm'
import { type AppendSignal, createAppendSignal } from '../append-signal.js'
import type { AuditFeed, FeedFilter } from '../contract.js'
import { feedConditions } from '../feed-filter.js'
import { prepareEntriesAfter } from './chain.js'
import type { SqliteDatabase } from './client.js'
import { withFaultTranslation } from './errors.js'
import { auditEntryFromRow } from './rows.js'
import type { Store } from './store.js'
import { auditEntries } from './tables.js'

/** How often another process's commits are looked for; the API promises an event within 1 s. */
export const DEFAULT_POLL_MS = 250

/**
 * Wakes listeners when another connection commits. `data_version` changes on this connection exactly when
 * another one has committed since it was last read, so a poll costs one pragma and no table read. This
 * process's own writes are signalled directly by the write path.
 */
function otherProcessesSignal(sqlite: SqliteDatabase, pollMs: number): AppendSignal & { stop(): void } {
  let timer: NodeJS.Timeout | undefined
  let seen: unknown
  const dataVersion = () => sqlite.pragma('data_version', { simple: true })
  const stop = () => {
    clearInterval(timer)
    timer = undefined
  }
  const signal = createAppendSignal({
    first() {
      seen = dataVersion()
      timer = setInterval(() => {
        // A closed connection has nothing more to say; a busy one is asked again on the next tick.
        if (!sqlite.open) return stop()
        const version = dataVersion()
        if (version !== seen) {
          seen = version
          signal.notify()
        }
      }, pollMs)
      timer.unref()
    },
    last: stop,
  })
  return { ...signal, stop }
}

export interface SqliteFeed {
  feed: AuditFeed
  /** Wakes this process's feeds: the write path calls it after each commit. */
  committed(): void
  /** Stops polling (the connection is closing). */
  stop(): void
}

export function createSqliteFeed(store: Store, pollMs = DEFAULT_POLL_MS): SqliteFeed {
  const { db, sqlite } = store
  const unfiltered = prepareEntriesAfter(store)
  const local = createAppendSignal()
  const others = otherProcessesSignal(sqlite, pollMs)
  const reads = withFaultTranslation({
    async after(after: number, limit: number, filter: FeedFilter) {
      const conditions = feedConditions(auditEntries, filter)
      const rows =
        conditions.length === 0
          ? unfiltered.all({ after, limit })
          : db
              .select()
              .from(auditEntries)
              .where(and(gt(auditEntries.seq, after), ...conditions))
              .orderBy(asc(auditEntries.seq))
              .limit(limit)
              .all()
      return rows.map(auditEntryFromRow)
    },
  })
  return {
    feed: {
      ...reads,
      onAppend(listener) {
        const stopLocal = local.subscribe(listener)
        const stopOthers = others.subscribe(listener)
        return () => {
          stopLocal()
          stopOthers()
        }
      },
    },
    committed: local.notify,
    stop: others.stop,
  }
}
