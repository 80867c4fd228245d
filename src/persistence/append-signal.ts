// Wake-ups for change feeds. A signal carries no data: a feed that hears it reads the audit trail after the last
// seq it sent, so a signal sent twice costs a read and a signal lost costs latency, never an event. Signals
// sent in one turn of the event loop wake the listeners once, right after it: under load several commits end in
// one turn, and each open stream then reads and writes them together instead of one by one.
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

export function createAppendSignal(hooks: AppendSignalHooks = {}): AppendSignal {
  const listeners = new Set<() => void>()
  let queued = false
  const wakeAll = () => {
    queued = false
    for (const listener of listeners) listener()
  }
  return {
    notify() {
      if (queued) return
      queued = true
      setImmediate(wakeAll)
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
