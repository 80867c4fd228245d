// The dump tables as both SQL dialects see them, listed once: each table's Drizzle table, what a row of it
// holds as read, its row mappers (src/persistence/rows.ts) and its canonical order. Each dialect builds its
// registry from its own tables (sqlite/registry.ts, postgres/registry.ts); code that handles every table
// alike (the dump's counts, reads and loads) loops over `registryEntries` instead of naming the tables.
import { getTableColumns, type Table } from 'drizzle-orm'
import { DUMP_TABLES, type DumpRow, type DumpTable } from './contract.js'
import * as rows from './rows.js'
import { type WebhookRow, webhookFromRow, webhookToRow } from './webhook-rows.js'

/** What a row of the dump table `Name` is in the contract. */
export type DumpValue<Name extends DumpTable> = Extract<DumpRow, { table: Name }>['row']

export interface TableEntry<Name extends DumpTable, T extends Table> {
  name: Name
  table: T
  /** What a row holds as read: the table's own columns, or more (a task's include its assignees). */
  columns: Record<string, unknown>
  /** Takes a row as `columns` reads it (each mapper names its own row type, checked against the tables). */
  fromRow(row: never): DumpValue<Name>
  toRow(value: DumpValue<Name>): Record<string, unknown>
  /** The fields the canonical order sorts on, ascending: creation time then id, or the audit trail's seq. */
  order: readonly string[]
  /** Rows of another table written with each row: a task's assignees, one task_assignees row each. */
  companion?: Companion<T, DumpValue<Name>>
  /** A field naming a row of the same table that may come later in canonical order (a superseding note). */
  forwardReference?: string
}

/** One entry per dump table. */
export type TableRegistry<T extends Table> = { [Name in DumpTable]: TableEntry<Name, T> }

/** An entry with its table's name and row types erased: for code that treats every table alike. */
export interface AnyTableEntry<T extends Table> {
  name: DumpTable
  table: T
  columns: Record<string, unknown>
  fromRow(row: unknown): DumpRow['row']
  toRow(value: DumpRow['row']): Record<string, unknown>
  order: readonly string[]
  companion?: Companion<T, DumpRow['row']>
  forwardReference?: string
}

/** Rows of another table that belong to each row of a table, written and replaced with it. */
export interface Companion<T extends Table, Value> {
  table: T
  rows(value: Value): Record<string, unknown>[]
  /** The companion table's field naming the row they belong to (its id). */
  owner: string
}

/** A dialect's Drizzle tables behind the dump tables. */
export interface DialectTables<T extends Table> {
  tasks: T
  taskAssignees: T
  bugs: T
  statusUpdates: T
  designNotes: T
  auditEntries: T
  apiTokens: T
  webhooks: T
}

/**
 * `unknown` when each of the dialect's tables has exactly the columns of its row shape in rows.ts, so both
 * dialects declare the same columns; otherwise a type no object has, which stops the build at the registry.
 */
type MatchingRows<D extends DialectTables<Table>> = [
  // A task's assignees live in task_assignees; a task row is read with them as a JSON array.
  rows.Same<Omit<rows.TaskRow, 'assignees'>, D['tasks']['$inferSelect']>,
  rows.Same<rows.TaskAssigneeRow, D['taskAssignees']['$inferSelect']>,
  rows.Same<rows.BugRow, D['bugs']['$inferSelect']>,
  rows.Same<rows.StatusUpdateRow, D['statusUpdates']['$inferSelect']>,
  rows.Same<rows.DesignNoteRow, D['designNotes']['$inferSelect']>,
  rows.Same<rows.AuditEntryRow, D['auditEntries']['$inferSelect']>,
  rows.Same<rows.ApiTokenRow, D['apiTokens']['$inferSelect']>,
  rows.Same<WebhookRow, D['webhooks']['$inferSelect']>,
] extends true[]
  ? unknown
  : { 'a table differs from its row shape in src/persistence/rows.ts': never }

const CREATED_ORDER = ['createdAt', 'id'] as const

/**
 * The registry of a dialect. `taskColumns` is how that dialect reads a task with its assignees (a JSON array
 * aggregated from task_assignees), which is SQL of its own.
 */
export function tableRegistry<T extends Table, D extends DialectTables<T>>(
  tables: D & MatchingRows<D>,
  taskColumns: Record<string, unknown>,
): TableRegistry<T> {
  const own = (table: T) => getTableColumns(table) as Record<string, unknown>
  return {
    tasks: {
      name: 'tasks',
      table: tables.tasks,
      columns: taskColumns,
      fromRow: rows.taskFromRow,
      toRow: rows.taskToRow,
      order: CREATED_ORDER,
      companion: { table: tables.taskAssignees, rows: rows.taskAssigneeRows, owner: 'taskId' },
    },
    bugs: {
      name: 'bugs',
      table: tables.bugs,
      columns: own(tables.bugs),
      fromRow: rows.bugFromRow,
      toRow: rows.bugToRow,
      order: CREATED_ORDER,
    },
    status_updates: {
      name: 'status_updates',
      table: tables.statusUpdates,
      columns: own(tables.statusUpdates),
      fromRow: rows.statusUpdateFromRow,
      toRow: rows.statusUpdateToRow,
      order: CREATED_ORDER,
    },
    design_notes: {
      name: 'design_notes',
      table: tables.designNotes,
      columns: own(tables.designNotes),
      fromRow: rows.designNoteFromRow,
      toRow: rows.designNoteToRow,
      order: CREATED_ORDER,
      forwardReference: 'supersededBy',
    },
    // The trail is listed in the order it was written, which its seq numbers.
    audit_entries: {
      name: 'audit_entries',
      table: tables.auditEntries,
      columns: own(tables.auditEntries),
      fromRow: rows.auditEntryFromRow,
      toRow: rows.auditEntryToRow,
      order: ['seq'],
    },
    api_tokens: {
      name: 'api_tokens',
      table: tables.apiTokens,
      columns: own(tables.apiTokens),
      fromRow: rows.storedApiTokenFromRow,
      toRow: rows.apiTokenToRow,
      order: CREATED_ORDER,
    },
    webhooks: {
      name: 'webhooks',
      table: tables.webhooks,
      columns: own(tables.webhooks),
      fromRow: webhookFromRow,
      // A loaded webhook has no lease: the lease belonged to an instance serving the database it came from.
      toRow: (webhook) => ({ ...webhookToRow(webhook), leaseOwner: null, leaseUntil: null }),
      order: CREATED_ORDER,
    },
  }
}

/** The entries in canonical order (DUMP_TABLES order), each for use without knowing which table it is. */
export function registryEntries<T extends Table>(registry: TableRegistry<T>): AnyTableEntry<T>[] {
  // The casts forget each entry's own row types, which generic code cannot name.
  return DUMP_TABLES.map((name) => registry[name] as unknown as AnyTableEntry<T>)
}

/** The Drizzle columns of an entry's canonical order, in sort order. */
export function orderColumns<T extends Table>(entry: AnyTableEntry<T>): T['_']['columns'][string][] {
  const columns = getTableColumns(entry.table) as Record<string, T['_']['columns'][string]>
  return entry.order.map((field) => {
    const column = columns[field]
    if (column === undefined) throw new Error(`${entry.name} has no column ${field}`)
    return column
  })
}

/** Where a row stands in its table's canonical order: the raw values of the order's fields. */
export function positionOf(entry: AnyTableEntry<Table>, row: unknown): Record<string, unknown> {
  const fields = row as Record<string, unknown>
  return Object.fromEntries(entry.order.map((field) => [field, fields[field]]))
}
