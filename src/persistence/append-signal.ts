// Wake-ups for change feeds. A signal carries no data: a feed that hears it reads the audit trail after the last
// seq it sent, so a signal sent twice costs a read and a signal lost costs latency, never an event. Signals
// sent in one turn of the event loop wake the listeners once, right after it, and under a steady stream of
// commits at most once every WAKE_INTERVAL_MS: each wake costs every open stream a read and a socket write, so
// the commits of those milliseconds are read and written together instead of one batch at a time. A commit
// after a quiet spell still wakes them at once.
import type { AuditEntry } from '../domains/audit/schemas.js'
import type { FeedFilter } from './contract.js'

export interface AppendSignal {
  /** Tells every listener, once this turn of the event loop ends, that entries may have been appended. */
  notify(): void
  subscribe(listener: () => void): () => void
}

export interface AppendSignalHooks {
  /** Called when the first listener arrives: a backend starts watching other processes only then. */
  first?(): void
  /** Called when the last listener leaves. */
  last?(): void
}

/** The least time between two wakes of a signal's listeners. */
export const WAKE_INTERVAL_MS = 10

export function createAppendSignal(hooks: AppendSignalHooks = {}): AppendSignal {
  const listeners = new Set<() => void>()
  let queued = false
  let lastWake = Number.NEGATIVE_INFINITY
  const wakeAll = () => {
    queued = false
    lastWake = performance.now()
    for (const listener of listeners) listener()
  }
  return {
    notify() {
      if (queued) return
      queued = true
      const wait = lastWake + WAKE_INTERVAL_MS - performance.now()
      if (wait <= 0) setImmediate(wakeAll)
      else setTimeout(wakeAll, wait)
    },
    subscribe(listener) {
      // A wrapper of its own, so one function subscribed twice is two subscriptions.
      const entry = () => listener()
      listeners.add(entry)
      if (listeners.size === 1) hooks.first?.()
      return () => {
        if (!listeners.delete(entry)) return
        if (listeners.size === 0) hooks.last?.()
      }
    },
  }
}

/** Whether `entry` passes a feed's filter (for backends that filter in memory). */
export const matchesFeedFilter = (entry: AuditEntry, filter: FeedFilter): boolean =>
  (filter.entity === undefined || filter.entity.includes(entry.entity)) &&
  (filter.entityId === undefined || filter.entityId.includes(entry.entityId)) &&
  (filter.action === undefined || filter.action.includes(entry.action))
