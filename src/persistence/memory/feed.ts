// The memory backend's change feed: the audit log read forwards, woken by this process's writes only (nothing
// else can write to its maps).
import type { AuditEntry } from '../../domains/audit/schemas.js'
import { type AppendSignal, matchesFeedFilter } from '../append-signal.js'
import type { AuditFeed } from '../contract.js'
import { type AuditLog, firstAfter } from './apply.js'

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
    onAppend: (listener) => signal.subscribe(listener),
  }
}
