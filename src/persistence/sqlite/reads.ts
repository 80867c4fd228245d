// What SQLite writes read, inside their immediate transaction (which already holds the database's write lock,
// so no read needs a lock of its own), and the reads of one row by id that the API serves.
import { asc, eq, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { OldestKept } from '../../domains/audit/history.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import type { Task } from '../../domains/tasks/schemas.js'
import type { HistoryEntity } from '../contract.js'
import type { WriteReads } from '../writes.js'
import {
  type AuditEntryRow,
  auditEntryFromRow,
  type BugRow,
  bugFromRow,
  type DesignNoteRow,
  designNoteFromRow,
  type StatusUpdateRow,
  statusUpdateFromRow,
  type TaskRow,
  taskFromRow,
  toIso,
} from './rows.js'
import { byId, createdOrder } from './store.js'
import { auditEntries, bugs, designNotes, statusUpdates, tasks } from './tables.js'
import { taskColumns } from './tasks.js'

/** The writes' reads, all answering at once (never a Promise), plus the rows only the API reads by id. */
export interface SqliteReads extends WriteReads {
  task(id: string): Task | undefined
  bug(id: string): Bug | undefined
  designNote(id: string): DesignNote | undefined
  taskExists(id: string): boolean
  attachedTo(taskId: string): { bugs: Bug[]; statusUpdates: StatusUpdate[] }
  history(entity: HistoryEntity, entityId: string): AuditEntry[]
  statusUpdate(id: string): StatusUpdate | undefined
  auditEntry(id: string): AuditEntry | undefined
  oldestKept(): OldestKept | undefined
}

/** One row by id, mapped to its entity; undefined when there is none. */
const byIdReader =
  <Row, T>(statement: { get(params: { id: string }): unknown }, fromRow: (row: Row) => T) =>
  (id: string): T | undefined => {
    const row = statement.get({ id }) as Row | undefined
    return row === undefined ? undefined : fromRow(row)
  }

/** `make()`, called once, when first needed. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined
  return () => {
    made ??= make()
    return made
  }
}

export function createSqliteReads(db: BetterSQLite3Database): SqliteReads {
  const selectTask = db.select(taskColumns).from(tasks).where(byId(tasks)).prepare()
  const selectBug = db.select().from(bugs).where(byId(bugs)).prepare()
  const selectStatusUpdate = db.select().from(statusUpdates).where(byId(statusUpdates)).prepare()
  const selectDesignNote = db.select().from(designNotes).where(byId(designNotes)).prepare()
  const selectAuditEntry = db.select().from(auditEntries).where(byId(auditEntries)).prepare()
  const taskExists = db.select({ id: tasks.id }).from(tasks).where(byId(tasks)).prepare()
  /** The rows of `table` pointing at the task, oldest first. */
  const pointingAtTask = (table: typeof bugs | typeof statusUpdates) =>
    db
      .select()
      .from(table)
      .where(eq(table.taskId, sql.placeholder('taskId')))
      .orderBy(...createdOrder(table, 'asc'))
      .prepare()
  // One entity's entries in seq order: a search of the audit_entries_entity_idx index on (entity_id, seq). The
  // entity kind is checked on the rows found (ids are unique UUIDs), so no other index looks cheaper. Prepared
  // on first use, as the lists' statements are.
  const entityEntries = onFirstUse(() =>
    db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, sql.placeholder('entityId')))
      .orderBy(asc(auditEntries.seq))
      .prepare(),
  )
  const oldestEntry = onFirstUse(() =>
    db
      .select({ seq: auditEntries.seq, at: auditEntries.at })
      .from(auditEntries)
      .orderBy(asc(auditEntries.seq))
      .limit(1)
      .prepare(),
  )
  const bugsOfTask = pointingAtTask(bugs)
  const statusUpdatesOfTask = pointingAtTask(statusUpdates)

  return {
    task: byIdReader<TaskRow, Task>(selectTask, taskFromRow),
    bug: byIdReader<BugRow, Bug>(selectBug, bugFromRow),
    statusUpdate: byIdReader<StatusUpdateRow, StatusUpdate>(selectStatusUpdate, statusUpdateFromRow),
    designNote: byIdReader<DesignNoteRow, DesignNote>(selectDesignNote, designNoteFromRow),
    auditEntry: byIdReader<AuditEntryRow, AuditEntry>(selectAuditEntry, auditEntryFromRow),
    taskExists: (id) => taskExists.get({ id }) !== undefined,
    history: (entity, entityId) =>
      (entityEntries().all({ entityId }) as AuditEntryRow[])
        .filter((row) => row.entity === entity)
        .map(auditEntryFromRow),
    oldestKept() {
      const oldest = oldestEntry().get()
      return oldest && { seq: oldest.seq, at: toIso(oldest.at) }
    },
    attachedTo: (taskId) => ({
      bugs: (bugsOfTask.all({ taskId }) as BugRow[]).map(bugFromRow),
      statusUpdates: (statusUpdatesOfTask.all({ taskId }) as StatusUpdateRow[]).map(statusUpdateFromRow),
    }),
  }
}
