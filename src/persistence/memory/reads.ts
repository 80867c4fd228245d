// What the memory backend's writes read: its maps, as they are (no locks: a write runs in one synchronous step).
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import type { Task } from '../../domains/tasks/schemas.js'
import type { HistoryEntity } from '../contract.js'
import type { WriteReads } from '../writes.js'

/** The rows, by id, per table (named as in the SQL backends and in dumps). */
export interface MemoryTables {
  tasks: Map<string, Task>
  bugs: Map<string, Bug>
  status_updates: Map<string, StatusUpdate>
  design_notes: Map<string, DesignNote>
}

export const emptyTables = (): MemoryTables => ({
  tasks: new Map(),
  bugs: new Map(),
  status_updates: new Map(),
  design_notes: new Map(),
})

/** Rows pointing at the task, in the order they were stored. */
const pointingAt = <T extends { taskId: string | null }>(rows: Map<string, T>, taskId: string) =>
  [...rows.values()].filter((row) => row.taskId === taskId)

/** The entries of one entity, in seq order (the order the trail keeps). */
export const entityHistory = (entries: readonly AuditEntry[], entity: HistoryEntity, entityId: string) =>
  entries.filter((entry) => entry.entityId === entityId && entry.entity === entity)

/** `auditEntries`: the trail as it is now, oldest first. */
export function createMemoryReads(
  tables: MemoryTables,
  auditEntries: () => readonly AuditEntry[],
): WriteReads {
  return {
    history: (entity, entityId) => entityHistory(auditEntries(), entity, entityId),
    task: (id) => tables.tasks.get(id),
    bug: (id) => tables.bugs.get(id),
    designNote: (id) => tables.design_notes.get(id),
    taskExists: (id) => tables.tasks.has(id),
    attachedTo: (taskId) => ({
      bugs: pointingAt(tables.bugs, taskId),
      statusUpdates: pointingAt(tables.status_updates, taskId),
    }),
  }
}
