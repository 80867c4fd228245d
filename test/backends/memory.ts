import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import { DUMP_TABLES, type Repos } from '../../src/persistence/contract.js'
import { type AuditLog, arrayAuditLog, createMemoryRepos } from '../../src/persistence/memory/index.js'
import { AUDIT_REFUSED, type AuditTamper, type BackendHooks, type TestBackend } from './types.js'

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
    // The repositories append a write's entries in one call, before they change any row.
    const auditLog: AuditLog = {
      append(entries) {
        if (refuses?.(entries)) throw new Error(AUDIT_REFUSED)
        log.append(entries)
      },
      entries: () => log.entries(),
      removeOldest: (throughSeq, limit) => log.removeOldest(throughSeq, limit),
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
      async deleteAuditThrough(seq) {
        log.removeOldest(seq, Number.POSITIVE_INFINITY)
      },
      tamperAudit: async (change) => tamper(log.entries() as AuditEntry[], change),
    }
    return { repos, hooks }
  },
}

/** The memory log's own objects changed in place, as a bug or a debugger could. */
function tamper(log: AuditEntry[], change: AuditTamper) {
  const at = (seq: number) => log.findIndex((entry) => entry.seq === seq)
  switch (change.op) {
    case 'set-actor':
      log[at(change.seq)] = { ...(log[at(change.seq)] as AuditEntry), actor: change.actor }
      return
    case 'set-diff':
      log[at(change.seq)] = { ...(log[at(change.seq)] as AuditEntry), diff: JSON.parse(change.diff) }
      return
    case 'delete':
      log.splice(at(change.seq), 1)
      return
    case 'swap': {
      const i = at(change.seq)
      const [first, second] = [log[i] as AuditEntry, log[i + 1] as AuditEntry]
      log[i] = { ...second, seq: first.seq }
      log[i + 1] = { ...first, seq: second.seq }
      return
    }
    case 'rewrite':
      for (const entry of change.entries)
        log[at(entry.seq)] = { ...(log[at(entry.seq)] as AuditEntry), ...entry }
  }
}
