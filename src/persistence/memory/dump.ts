// Whole-database reads and writes for `trail export` and `trail import` on the memory backend.
import type { CreatedKey } from '../../core/paging.js'
import { DUMP_TABLES, type DumpRepository, type DumpRow, type DumpTable } from '../contract.js'
import { missingReferences, requireEmptyTarget } from '../dump-errors.js'
import type { AuditLog } from './apply.js'
import { byCreatedDesc } from './lists.js'
import type { MemoryTables } from './reads.js'
import type { MemoryTokens } from './tokens.js'
import type { MemoryWebhooks } from './webhooks.js'

export function createMemoryDump(
  tables: MemoryTables,
  auditLog: AuditLog,
  tokens: MemoryTokens,
  webhooks: MemoryWebhooks,
): DumpRepository {
  // Rows are immutable objects replaced on change, so copying the references is a consistent view.
  const view = (): { [T in DumpTable]: Extract<DumpRow, { table: T }>['row'][] } => ({
    tasks: [...tables.tasks.values()],
    bugs: [...tables.bugs.values()],
    status_updates: [...tables.status_updates.values()],
    design_notes: [...tables.design_notes.values()],
    audit_entries: [...auditLog.entries()],
    api_tokens: [...tokens.values()].map((token) => ({ ...token })),
    webhooks: [...webhooks.webhooks.values()].map((webhook) => ({ ...webhook, events: [...webhook.events] })),
  })
  const counts = (rows: ReturnType<typeof view>) =>
    Object.fromEntries(DUMP_TABLES.map((table) => [table, rows[table].length])) as Record<DumpTable, number>
  const oldestFirst = (a: CreatedKey, b: CreatedKey) => byCreatedDesc(b, a)

  return {
    async snapshot(read) {
      const rows = view()
      return read({
        async counts() {
          return counts(rows)
        },
        async *rows() {
          for (const table of DUMP_TABLES) {
            // The audit trail is kept in seq order already; every other table is listed oldest first.
            const ordered = table === 'audit_entries' ? rows[table] : rows[table].sort(oldestFirst)
            for (const row of ordered) yield { table, row } as DumpRow
          }
        },
      })
    },
    async load(rows) {
      requireEmptyTarget(counts(view()))
      // Staged by table, then checked as the SQL backends' keys check them, and stored only when all hold.
      const staged = Object.fromEntries(DUMP_TABLES.map((table) => [table, new Map()])) as {
        [T in DumpTable]: Map<string, Extract<DumpRow, { table: T }>['row']>
      }
      for await (const { table, row } of rows) {
        const target = staged[table] as Map<string, DumpRow['row']> | undefined
        if (target === undefined) throw new Error(`Unknown table "${table}"`)
        if (target.has(row.id)) throw new Error(`Cannot load ${table} row ${row.id}: duplicate id`)
        target.set(row.id, row)
      }
      const references = (table: DumpTable, parent: DumpTable, ids: Iterable<string | null>) =>
        [...ids].filter((id) => id !== null && !staged[parent].has(id)).map(() => ({ table, parent }))
      const missing = [
        ...references(
          'bugs',
          'tasks',
          [...staged.bugs.values()].map((bug) => bug.taskId),
        ),
        ...references(
          'status_updates',
          'tasks',
          [...staged.status_updates.values()].map((u) => u.taskId),
        ),
        ...references(
          'design_notes',
          'design_notes',
          [...staged.design_notes.values()].map((note) => note.supersededBy),
        ),
      ]
      const [first] = missing
      if (first !== undefined) throw missingReferences(missing.length, first.table, first.parent)
      for (const table of ['tasks', 'bugs', 'status_updates', 'design_notes'] as const) {
        for (const [id, row] of staged[table]) (tables[table] as Map<string, unknown>).set(id, row)
      }
      for (const [id, token] of staged.api_tokens) tokens.set(id, { ...token })
      for (const [id, webhook] of staged.webhooks) webhooks.webhooks.set(id, { ...webhook })
      auditLog.append([...staged.audit_entries.values()])
    },
  }
}
