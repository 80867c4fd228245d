// Contract types to table rows and back: ISO times become epoch milliseconds, arrays and diffs JSON text.
// Rows keep the contract's field order, so the entities (and the audit diffs computed from them) come out
// exactly as the other backends build them.
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import type { Task } from '../../domains/tasks/schemas.js'
import type { ApiToken, Role } from '../contract.js'
import type { apiTokens, auditEntries, bugs, designNotes, statusUpdates, tasks } from './schema.js'

export type TaskRow = typeof tasks.$inferSelect
export type BugRow = typeof bugs.$inferSelect
export type StatusUpdateRow = typeof statusUpdates.$inferSelect
export type DesignNoteRow = typeof designNotes.$inferSelect
export type AuditEntryRow = typeof auditEntries.$inferSelect
export type ApiTokenRow = typeof apiTokens.$inferSelect

export const toMillis = (time: string) => Date.parse(time)
export const toIso = (millis: number) => new Date(millis).toISOString()
const toIsoOrNull = (millis: number | null) => (millis === null ? null : toIso(millis))
const toMillisOrNull = (time: string | null) => (time === null ? null : toMillis(time))
/** A filter's optional time, as its column stores it. */
export const toMillisIfSet = (time: string | undefined) => (time === undefined ? undefined : toMillis(time))

export const taskToRow = (task: Task): TaskRow => ({
  ...task,
  assignees: JSON.stringify(task.assignees),
  rationaleLog: JSON.stringify(task.rationaleLog),
  createdAt: toMillis(task.createdAt),
  updatedAt: toMillis(task.updatedAt),
})

export const taskFromRow = (row: TaskRow): Task => ({
  ...row,
  status: row.status as Task['status'],
  priority: row.priority as Task['priority'],
  assignees: JSON.parse(row.assignees),
  rationaleLog: JSON.parse(row.rationaleLog),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
})

export const bugToRow = (bug: Bug): BugRow => ({
  ...bug,
  reproSteps: JSON.stringify(bug.reproSteps),
  createdAt: toMillis(bug.createdAt),
  updatedAt: toMillis(bug.updatedAt),
})

export const bugFromRow = (row: BugRow): Bug => ({
  ...row,
  severity: row.severity as Bug['severity'],
  status: row.status as Bug['status'],
  reproSteps: JSON.parse(row.reproSteps),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
})

export const statusUpdateToRow = (update: StatusUpdate): StatusUpdateRow => ({
  ...update,
  createdAt: toMillis(update.createdAt),
})

export const statusUpdateFromRow = (row: StatusUpdateRow): StatusUpdate => ({
  ...row,
  createdAt: toIso(row.createdAt),
})

export const designNoteToRow = (note: DesignNote): DesignNoteRow => ({
  ...note,
  createdAt: toMillis(note.createdAt),
})

export const designNoteFromRow = (row: DesignNoteRow): DesignNote => ({
  ...row,
  createdAt: toIso(row.createdAt),
})

export const auditEntryToRow = (entry: AuditEntry): AuditEntryRow => ({
  ...entry,
  at: toMillis(entry.at),
  diff: JSON.stringify(entry.diff),
})

export const auditEntryFromRow = (row: AuditEntryRow): AuditEntry => ({
  ...row,
  entity: row.entity as AuditEntry['entity'],
  action: row.action as AuditEntry['action'],
  at: toIso(row.at),
  diff: JSON.parse(row.diff),
})

/** A token with the hash of its secret: what a row holds, and what a dump with tokens carries. */
export type StoredApiToken = ApiToken & { secretHash: string }

export const apiTokenToRow = (token: StoredApiToken): ApiTokenRow => ({
  id: token.id,
  actor: token.actor,
  role: token.role,
  secretHash: token.secretHash,
  createdAt: toMillis(token.createdAt),
  lastUsedAt: toMillisOrNull(token.lastUsedAt),
  expiresAt: toMillisOrNull(token.expiresAt),
  revokedAt: toMillisOrNull(token.revokedAt),
})

/** Takes a row without its secret hash too: token reads other than a dump never select it. */
export const apiTokenFromRow = (row: Omit<ApiTokenRow, 'secretHash'>): ApiToken => ({
  id: row.id,
  actor: row.actor,
  role: row.role as Role,
  createdAt: toIso(row.createdAt),
  lastUsedAt: toIsoOrNull(row.lastUsedAt),
  expiresAt: toIsoOrNull(row.expiresAt),
  revokedAt: toIsoOrNull(row.revokedAt),
})

/** The whole row, hash included (last, as the memory backend keeps it): for dumps. */
export const storedApiTokenFromRow = (row: ApiTokenRow): StoredApiToken => ({
  ...apiTokenFromRow(row),
  secretHash: row.secretHash,
})
