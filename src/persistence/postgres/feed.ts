// The PostgreSQL change feed: the audit trail read forwards by seq (its unique index). Writes of this instance
// wake its feeds directly after commit; writes of other instances arrive as NOTIFY on AUDIT_CHANNEL, sent
// inside each write transaction (so only on commit) and heard on one dedicated connection (notifier.ts).
import { createAppendSignal } from '../append-signal.js'
import type { AuditFeed } from '../contract.js'
import { feedConditions } from '../feed-filter.js'
import { entriesAfter, prepareEntriesAfter } from './chain.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { auditEntries } from './tables.js'

/** What tells this instance of other instances' commits: subscribed to while any feed listens. */
export interface RemoteAppends {
  /** What this instance's own NOTIFYs carry: they are not passed on, since its writes wake its feeds directly. */
  origin: string
  subscribe(listener: () => void): () => void
  close(): Promise<void>
}

export interface PostgresFeed {
  feed: AuditFeed
  /** Wakes this instance's feeds: the write path calls it after each commit. */
  committed(): void
}

export function createPostgresFeed(db: PostgresDatabase, remote: RemoteAppends | undefined): PostgresFeed {
  const local = createAppendSignal()
  const unfiltered = prepareEntriesAfter(db)
  return {
    feed: {
      after: (after, limit, filter) => {
        const conditions = feedConditions(auditEntries, filter)
        return withRetries(() =>
          conditions.length === 0 ? unfiltered(after, limit) : entriesAfter(db, after, limit, ...conditions),
        )
      },
      onAppend(listener) {
        const stopLocal = local.subscribe(listener)
        const stopRemote = remote?.subscribe(listener)
        return () => {
          stopLocal()
          stopRemote?.()
        }
      },
    },
    committed: local.notify,
  }
}
