// The PostgreSQL dump tables, listed once: the dump (and any code that treats every table alike) is driven
// by this registry. See ../table-registry.ts for what an entry holds.
import type { PgTable } from 'drizzle-orm/pg-core'
import { type TableRegistry, tableRegistry } from '../table-registry.js'
import { apiTokens, auditEntries, bugs, designNotes, statusUpdates, taskAssignees, tasks } from './tables.js'
import { taskColumns } from './tasks.js'

export const POSTGRES_TABLES: TableRegistry<PgTable> = tableRegistry<PgTable>(
  { tasks, taskAssignees, bugs, statusUpdates, designNotes, auditEntries, apiTokens },
  taskColumns,
)
