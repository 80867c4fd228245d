// What SQLite writes read, inside their immediate transaction (which already holds the database's write lock,
// so no read needs a lock of its own), and the reads of one row by id that the API serves.
import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
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
import { byId, createdOrder, rowReader, type Store } from './store.js'
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

type ByIdTable = typeof tasks | typeof bugs | typeof statusUpdates | typeof designNotes | typeof auditEntries

/** One row by id, mapped to its entity; undefined when there is none. */
function byIdReader<Row, T>(
  { db, sqlite }: Store,
  table: ByIdTable,
  fields: Record<string, unknown>,
  fromRow: (row: Row) => T,
): (id: string) => T | undefined {
  // Drizzle's select types do not follow a table union; the statement is the same for each.
  const statement = rowReader<Row>(
    sqlite,
    fields,
    db
      .select(fields as typeof taskColumns)
      .from(table as typeof tasks)
      .where(byId(table)),
  )
  return (id) => {
    const row = statement.get({ id })
    return row === undefined ? undefined : fromRow(row)
  }
}

/** `make()`, called once, when first needed. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined
  return () => {
    made ??= make()
    return made
  }
}

export function createSqliteReads(store: Store): SqliteReads {
  const { db, sqlite } = store
  const taskExists = rowReader(
    sqlite,
    { id: tasks.id },
    db.select({ id: tasks.id }).from(tasks).where(byId(tasks)),
  )
  /** The rows of `table` pointing at the task, oldest first. */
  const pointingAtTask = <Row>(table: typeof bugs | typeof statusUpdates) => {
    const columns = getTableColumns(table)
    return rowReader<Row>(
      sqlite,
      columns,
      db
        .select(columns as typeof bugs._.columns)
        .from(table as typeof bugs)
        .where(eq(table.taskId, sql.placeholder('taskId')))
        .orderBy(...createdOrder(table, 'asc')),
    )
  }
  // One entity's entries in seq order: a search of the audit_entries_entity_idx index on (entity_id, seq). The
  // entity kind is checked on the rows found (ids are unique UUIDs), so no other index looks cheaper. Prepared
  // on first use, as the lists' statements are.
  const auditColumns = getTableColumns(auditEntries)
  const entityEntries = onFirstUse(() =>
    rowReader<AuditEntryRow>(
      sqlite,
      auditColumns,
      db
        .select(auditColumns)
        .from(auditEntries)
        .where(eq(auditEntries.entityId, sql.placeholder('entityId')))
        .orderBy(asc(auditEntries.seq)),
    ),
  )
  const oldestColumns = { seq: auditEntries.seq, at: auditEntries.at }
  const oldestEntry = onFirstUse(() =>
    rowReader<{ seq: number; at: number }>(
      sqlite,
      oldestColumns,
      db.select(oldestColumns).from(auditEntries).orderBy(asc(auditEntries.seq)).limit(1),
    ),
  )
  const bugsOfTask = pointingAtTask<BugRow>(bugs)
  const statusUpdatesOfTask = pointingAtTask<StatusUpdateRow>(statusUpdates)

  return {
    task: byIdReader<TaskRow, Task>(store, tasks, taskColumns, taskFromRow),
    bug: byIdReader<BugRow, Bug>(store, bugs, getTableColumns(bugs), bugFromRow),
    statusUpdate: byIdReader<StatusUpdateRow, StatusUpdate>(
      store,
      statusUpdates,
      getTableColumns(statusUpdates),
      statusUpdateFromRow,
    ),
    designNote: byIdReader<DesignNoteRow, DesignNote>(
      store,
      designNotes,
      getTableColumns(designNotes),
      designNoteFromRow,
    ),
    auditEntry: byIdReader<AuditEntryRow, AuditEntry>(store, auditEntries, auditColumns, auditEntryFromRow),
    taskExists: (id) => taskExists.get({ id }) !== undefined,
    history: (entity, entityId) =>
      entityEntries()
        .all({ entityId })
        .filter((row) => row.entity === entity)
        .map(auditEntryFromRow),
    oldestKept() {
      const oldest = oldestEntry().get()
      return oldest && { seq: oldest.seq, at: toIso(oldest.at) }
    },
    attachedTo: (taskId) => ({
      bugs: bugsOfTask.all({ taskId }).map(bugFromRow),
      statusUpdates: statusUpdatesOfTask.all({ taskId }).map(statusUpdateFromRow),
    }),
  }
}
