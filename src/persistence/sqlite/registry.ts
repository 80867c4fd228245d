// The SQLite dump tables, listed once: the dump (and any code that treats every table alike) is driven by
// this registry. See ../table-registry.ts for what an entry holds; it also checks these tables' columns
// against the row shapes both dialects share (../rows.ts).
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { type TableRegistry, tableRegistry } from '../table-registry.js'
import {
  apiTokens,
  auditEntries,
  bugs,
  designNotes,
  statusUpdates,
  taskAssignees,
  tasks,
  webhooks,
} from './tables.js'
import { taskColumns } from './tasks.js'

const sqliteTables = {
  tasks,
  taskAssignees,
  bugs,
  statusUpdates,
  designNotes,
  auditEntries,
  apiTokens,
  webhooks,
}

export const SQLITE_TABLES: TableRegistry<SQLiteTable> = tableRegistry<SQLiteTable, typeof sqliteTables>(
  sqliteTables,
  taskColumns,
)
