// Whole-database reads and writes for `trail export` and `trail import` on the memory backend.
import type { AuditEntry } from '../../domains/audit/schemas.js'
import {
  type CreatedKey,
  DUMP_TABLES,
  type DumpRepository,
  type DumpRow,
  type DumpTable,
} from '../contract.js'
import type { AuditLog } from './apply.js'
import { byCreatedDesc } from './lists.js'
import type { MemoryTables } from './reads.js'
import type { MemoryTokens } from './tokens.js'

export function createMemoryDump(
  tables: MemoryTables,
  auditLog: AuditLog,
  tokens: MemoryTokens,
): DumpRepository {
  return {
    async snapshot(read) {
      // Rows are immutable objects replaced on change, so copying the references is a consistent view.
      const view = {
        tasks: [...tables.tasks.values()],
        bugs: [...tables.bugs.values()],
        status_updates: [...tables.status_updates.values()],
        design_notes: [...tables.design_notes.values()],
        audit_entries: [...auditLog.entries()],
        api_tokens: [...tokens.values()].map((token) => ({ ...token })),
      }
      return read({
        async counts() {
          return Object.fromEntries(DUMP_TABLES.map((table) => [table, view[table].length])) as Record<
            DumpTable,
            number
          >
        },
        async *rows() {
          const oldestFirst = (a: CreatedKey, b: CreatedKey) => byCreatedDesc(b, a)
          for (const row of view.tasks.sort(oldestFirst)) yield { table: 'tasks', row }
          for (const row of view.bugs.sort(oldestFirst)) yield { table: 'bugs', row }
          for (const row of view.status_updates.sort(oldestFirst)) yield { table: 'status_updates', row }
          for (const row of view.design_notes.sort(oldestFirst)) yield { table: 'design_notes', row }
          for (const row of view.audit_entries) yield { table: 'audit_entries', row }
          for (const row of view.api_tokens.sort(oldestFirst)) yield { table: 'api_tokens', row }
        },
      })
    },
    async load(rows) {
      const staged: DumpRow[] = []
      for await (const row of rows) staged.push(row)
      const empty =
        Object.values(tables).every((table) => table.size === 0) &&
        auditLog.entries().length === 0 &&
        tokens.size === 0
      if (!empty) throw new Error('the target database is not empty')
      const entries: AuditEntry[] = []
      for (const { table, row } of staged) {
        if (table === 'audit_entries') entries.push(row)
        else if (table === 'api_tokens') tokens.set(row.id, { ...row })
        else (tables[table] as Map<string, unknown>).set(row.id, row)
      }
      auditLog.append(entries)
    },
  }
}
