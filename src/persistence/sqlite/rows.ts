// This dialect's tables against the shared row shapes: a column changed in one schema but not in
// src/persistence/rows.ts (and so not in the other dialect) stops the build here.
import type {
  ApiTokenRow,
  AuditEntryRow,
  BugRow,
  DesignNoteRow,
  Same,
  StatusUpdateRow,
  TaskAssigneeRow,
  TaskRow,
} from '../rows.js'
import type {
  apiTokens,
  auditEntries,
  bugs,
  designNotes,
  statusUpdates,
  taskAssignees,
  tasks,
} from './tables.js'

export * from '../rows.js'

type RowsMatchSchema = [
  // A task's assignees live in task_assignees; a task row is read with them as a JSON array (see tasks.ts).
  Same<Omit<TaskRow, 'assignees'>, typeof tasks.$inferSelect>,
  Same<TaskAssigneeRow, typeof taskAssignees.$inferSelect>,
  Same<BugRow, typeof bugs.$inferSelect>,
  Same<StatusUpdateRow, typeof statusUpdates.$inferSelect>,
  Same<DesignNoteRow, typeof designNotes.$inferSelect>,
  Same<AuditEntryRow, typeof auditEntries.$inferSelect>,
  Same<ApiTokenRow, typeof apiTokens.$inferSelect>,
]
export const rowsMatchSchema: RowsMatchSchema = [true, true, true, true, true, true, true]
