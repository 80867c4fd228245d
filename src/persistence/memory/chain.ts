// The audit chain's reads and retention deletes over the memory backend's log (kept in seq order).
import type { AuditChain } from '../contract.js'
import { inProcessRetentionRunner } from '../retention-runner.js'
import { auditEntryToRow, visitEach } from '../rows.js'
import { type AuditLog, firstAfter } from './apply.js'

export function createMemoryChain(auditLog: AuditLog): AuditChain {
  return {
    async head() {
      const last = auditLog.entries().at(-1)
      return last && { seq: last.seq, hash: last.hash, at: last.at }
    },
    async chainPage(afterSeq, limit, throughSeq = Number.POSITIVE_INFINITY) {
      const entries = auditLog.entries()
      const start = firstAfter(entries, afterSeq)
      return entries.slice(start, start + limit).filter((entry) => entry.seq <= throughSeq)
    },
    async scanChain(afterSeq, limit, visit) {
      const entries = auditLog.entries()
      const start = firstAfter(entries, afterSeq)
      return visitEach(entries.slice(start, start + limit).map(auditEntryToRow), visit)
    },
    async lastSeqBefore(time) {
      const entries = auditLog.entries()
      let found: number | undefined
      for (const entry of entries) {
        if (entry.at >= time) break
        found = entry.seq
      }
      return found
    },
    deleteOldest: async (throughSeq, limit) => auditLog.removeOldest(throughSeq, limit),
    asRetentionRunner: inProcessRetentionRunner(),
  }
}
