import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import { DUMP_TABLES, type Repos } from '../../src/persistence/contract.js'
import { type AuditLog, arrayAuditLog, createMemoryRepos } from '../../src/persistence/memory/index.js'
import { AUDIT_REFUSED, type BackendHooks, type TestBackend } from './types.js'

/** Memory's rows are the objects it keeps, so the dump's rows, by table, are what it stores. */
async function storedRows(repos: Repos): Promise<Record<string, unknown[]>> {
  return repos.dump.snapshot(async (snapshot) => {
    const byTable: Record<string, unknown[]> = Object.fromEntries(DUMP_TABLES.map((table) => [table, []]))
    for await (const { table, row } of snapshot.rows()) byTable[table]?.push(row)
    return byTable
  })
}

export const memory: TestBackend = {
  name: 'memory',
  open: async () => createMemoryRepos(),
  async openWithHooks() {
    const log = arrayAuditLog()
    let refuses: ((entries: AuditEntry[]) => boolean) | undefined
    let pruned = 0
    // The repositories append a write's entries in one call, before they change any row.
    const auditLog: AuditLog = {
      append(entries) {
        if (refuses?.(entries)) throw new Error(AUDIT_REFUSED)
        log.append(entries)
      },
      entries: () => (pruned === 0 ? log.entries() : log.entries().slice(pruned)),
    }
    const repos = createMemoryRepos({ auditLog })
    const hooks: BackendHooks = {
      async refuseAuditWrites({ action } = {}) {
        refuses = (entries) => action === undefined || entries.some((entry) => entry.action === action)
      },
      async allowAuditWrites() {
        refuses = undefined
      },
      auditRefusal: { message: new RegExp(AUDIT_REFUSED) },
      rawRows: () => storedRows(repos),
      async pruneAuditEntries(throughSeq) {
        pruned = log.entries().filter((entry) => entry.seq <= throughSeq).length
      },
    }
    return { repos, hooks }
  },
}
