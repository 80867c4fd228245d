// Retention one run at a time on a store that only one process reaches (the memory backend, PGlite in tests):
// a flag in the process is the whole lock. SQLite and PostgreSQL servers lock across processes
// (sqlite/retention-lock.ts, postgres/pool.ts).
import type { AuditChain } from './contract.js'

export function inProcessRetentionRunner(): AuditChain['asRetentionRunner'] {
  let running = false
  return async (work) => {
    if (running) return undefined
    running = true
    try {
      return await work()
    } finally {
      running = false
    }
  }
}
