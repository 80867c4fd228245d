// PostgreSQL's registry of the dump tables: each is listed here once, and the dump (with any other code that
// treats every table alike) goes by it. What an entry holds, and the compile-time check of these tables'
// columns against the row shapes both dialects share (../rows.ts), are in ../table-registry.ts.
import type { PgTable } from 'drizzle-orm/pg-core'
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

const postgresTables = {
  tasks,
  taskAssignees,
  bugs,
  statusUpdates,
  designNotes,
  auditEntries,
  apiTokens,
  webhooks,
}

export const POSTGRES_TABLES: TableRegistry<PgTable> = tableRegistry<PgTable, typeof postgresTables>(
  postgresTables,
  taskColumns,
)
