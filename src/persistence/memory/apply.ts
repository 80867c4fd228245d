// The memory backend's write: the plan's audit entries are appended (which may throw), then its rows are
// applied, in one synchronous step, so a failure leaves nothing half-written and no other request interleaves.

import { type AuditTail, type Clock, sequence, tailAfter, writeTime } from '../../domains/audit/entries.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import { decidedNow, type Plan, type Transact } from '../writes.js'
import { createMemoryReads, type MemoryTables } from './reads.js'

/** Where audit entries go; replaceable so a test can make the audit write fail. */
export interface AuditLog {
  append(entries: AuditEntry[]): void
  entries(): readonly AuditEntry[]
  /** Removes up to `limit` of the oldest entries with seq ≤ `throughSeq` (retention); how many. */
  removeOldest(throughSeq: number, limit: number): number
}

export function arrayAuditLog(): AuditLog {
  const log: AuditEntry[] = []
  return {
    append: (entries) => void log.push(...entries),
    entries: () => log,
    removeOldest(throughSeq, limit) {
      let count = 0
      while (count < limit && count < log.length && (log[count] as AuditEntry).seq <= throughSeq) count++
      log.splice(0, count)
      return count
    },
  }
}

/** Where the next entries go: after the newest one kept. */
export function auditTail(auditLog: AuditLog): AuditTail {
  const last = auditLog.entries().at(-1)
  return tailAfter(last && { seq: last.seq, at: Date.parse(last.at), hash: last.hash })
}

export function apply(tables: MemoryTables, auditLog: AuditLog, plan: Plan<unknown>, tail: AuditTail): void {
  if (plan.audit.length > 0) auditLog.append(sequence(plan.audit, tail))
  for (const change of plan.changes) {
    const table = tables[change.table] as Map<string, unknown>
    if (change.op === 'delete') table.delete(change.before.id)
    else table.set(change.row.id, change.row)
  }
}

/** Rows are immutable objects, replaced on change, so a plan may hold the very objects the maps hold. */
export function createMemoryTransact(tables: MemoryTables, auditLog: AuditLog, clock: Clock): Transact {
  const reads = createMemoryReads(tables, () => auditLog.entries())
  return async (decide) => {
    const tail = auditTail(auditLog)
    const plan = decidedNow(decide(reads, writeTime(clock, tail)))
    apply(tables, auditLog, plan, tail)
    return plan.result
  }
}

/** The index of the first entry with seq > `after` in a log ordered by seq. */
export function firstAfter(entries: readonly AuditEntry[], after: number): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((entries[middle] as AuditEntry).seq <= after) low = middle + 1
    else high = middle
  }
  return low
}
