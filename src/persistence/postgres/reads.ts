// What PostgreSQL writes read, inside their transaction, with the row locks that keep concurrent writers
// (across service instances too) apart: see ../writes.ts for which mutation takes which.
import { asc, eq } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import type { HistoryEntity } from '../contract.js'
import type { WriteReads } from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { type CreatedColumns, createdOrder } from './keyset.js'
import { auditEntryFromRow, bugFromRow, designNoteFromRow, statusUpdateFromRow, taskFromRow } from './rows.js'
import { auditEntries, bugs, designNotes, statusUpdates, tasks } from './tables.js'
import { taskColumns } from './tasks.js'

/** The query, its rows locked for update when asked. */
const lockedIf = <Query extends PgSelect>(lock: 'for update' | undefined, query: Query) =>
  lock === undefined ? query : query.for('update')

/** The rows a task delete detaches, oldest first, locked for update until it commits. */
const pointingAt = <Query extends PgSelect>(query: Query, table: CreatedColumns) =>
  query.orderBy(...createdOrder(table, 'asc')).for('update')

/**
 * One entity's audit entries in seq order: a search of the audit_entries_entity_idx index on (entity_id, seq).
 * The entity kind is checked on the rows found (ids are unique UUIDs), so no other index looks cheaper.
 */
export async function entityHistory(db: PostgresDatabase, entity: HistoryEntity, entityId: string) {
  const rows = await db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.entityId, entityId))
    .orderBy(asc(auditEntries.seq))
  return rows.filter((row) => row.entity === entity).map(auditEntryFromRow)
}

export function createPostgresReads(tx: PostgresDatabase): WriteReads {
  return {
    history: (entity, entityId) => entityHistory(tx, entity, entityId),
    async task(id, lock) {
      const [row] = await lockedIf(
        lock,
        tx.select(taskColumns).from(tasks).where(eq(tasks.id, id)).$dynamic(),
      )
      return row && taskFromRow(row)
    },
    async bug(id, lock) {
      const [row] = await lockedIf(lock, tx.select().from(bugs).where(eq(bugs.id, id)).$dynamic())
      return row && bugFromRow(row)
    },
    async designNote(id) {
      const [row] = await tx.select().from(designNotes).where(eq(designNotes.id, id)).for('update')
      return row && designNoteFromRow(row)
    },
    // The key-share lock keeps the task from being deleted until this transaction ends.
    async taskExists(id) {
      const [task] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, id)).for('key share')
      return task !== undefined
    },
    async attachedTo(taskId) {
      const attachedBugs = await pointingAt(
        tx.select().from(bugs).where(eq(bugs.taskId, taskId)).$dynamic(),
        bugs,
      )
      const attachedUpdates = await pointingAt(
        tx.select().from(statusUpdates).where(eq(statusUpdates.taskId, taskId)).$dynamic(),
        statusUpdates,
      )
      return { bugs: attachedBugs.map(bugFromRow), statusUpdates: attachedUpdates.map(statusUpdateFromRow) }
    },
  }
}
