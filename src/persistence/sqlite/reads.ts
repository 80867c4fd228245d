// What SQLite writes read, inside their immediate transaction (which already holds the database's write lock,
// so no read needs a lock of its own), and the reads of one row by id that the API serves.
import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { OldestKept } from '../../domains/audit/history.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import type { Task } from '../../domains/tasks/schemas.js'
import type { HistoryEntity } from '../contract.js'
import type { WriteReads } from '../writes.js'
import type { SqliteDatabase } from './client.js'
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

type ByIdTable = typeof tasks | typeof bugs | typeof statusUpdates | typeof designNotes | typeof auditEntries

/**
 * One row by id, mapped to its entity; undefined when there is none. Drizzle builds the statement; the read
 * runs on better-sqlite3's prepared statement itself, its row (an array in select order) keyed by field
 * here. Drizzle's `get` wrapper (query logging, row mapping through each column) was a tenth of the server's
 * time on GET /tasks/:id; none of these columns maps its driver value.
 */
function byIdReader<Row, T>(
  db: BetterSQLite3Database,
  sqlite: SqliteDatabase,
  table: ByIdTable,
  fields: Record<string, unknown>,
  fromRow: (row: Row) => T,
): (id: string) => T | undefined {
  const names = Object.keys(fields)
  // Drizzle's select types do not follow a table union; the statement is the same for each.
  const query = db
    .select(fields as typeof taskColumns)
    .from(table as typeof tasks)
    .where(byId(table))
    .toSQL()
  const statement = sqlite.prepare(query.sql).raw()
  return (id) => {
    const values = statement.get(id) as unknown[] | undefined
    if (values === undefined) return undefined
    const row: Record<string, unknown> = {}
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i]
    return fromRow(row as Row)
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

/** `sqlite`: the connection under `db`, whose statements the reads by id run directly. */
export function createSqliteReads(db: BetterSQLite3Database, sqlite: SqliteDatabase): SqliteReads {
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
    task: byIdReader<TaskRow, Task>(db, sqlite, tasks, taskColumns, taskFromRow),
    bug: byIdReader<BugRow, Bug>(db, sqlite, bugs, getTableColumns(bugs), bugFromRow),
    statusUpdate: byIdReader<StatusUpdateRow, StatusUpdate>(
      db,
      sqlite,
      statusUpdates,
      getTableColumns(statusUpdates),
      statusUpdateFromRow,
    ),
    designNote: byIdReader<DesignNoteRow, DesignNote>(
      db,
      sqlite,
      designNotes,
      getTableColumns(designNotes),
      designNoteFromRow,
    ),
    auditEntry: byIdReader<AuditEntryRow, AuditEntry>(
      db,
      sqlite,
      auditEntries,
      getTableColumns(auditEntries),
      auditEntryFromRow,
    ),
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
