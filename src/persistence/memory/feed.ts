// The memory backend's change feed: the audit log read forwards, woken by this process's writes only (nothing
// else can write to its maps).
import type { AuditEntry } from '../../domains/audit/schemas.js'
import { type AppendSignal, matchesFeedFilter } from '../append-signal.js'
import type { AuditFeed } from '../contract.js'
import type { AuditLog } from './apply.js'

/** The index of the first entry with seq > `after` in a log ordered by seq. */
function firstAfter(entries: readonly AuditEntry[], after: number): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((entries[middle] as AuditEntry).seq <= after) low = middle + 1
    else high = middle
  }
  return low
}

export function createMemoryFeed(auditLog: AuditLog, signal: AppendSignal): AuditFeed {
  return {
    async after(after, limit, filter) {
      const entries = auditLog.entries()
      const found: AuditEntry[] = []
      for (let i = firstAfter(entries, after); i < entries.length && found.length < limit; i++) {
        const entry = entries[i] as AuditEntry
        if (matchesFeedFilter(entry, filter)) found.push(entry)
      }
      return found
    },
    async bounds() {
      const entries = auditLog.entries()
      return { oldest: entries[0]?.seq ?? null, newest: entries.at(-1)?.seq ?? 0 }
    },
    onAppend: (listener) => signal.subscribe(listener),
  }
}
