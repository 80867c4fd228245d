// Rows of the SQL backends ↔ contract types: epoch milliseconds ↔ ISO strings, JSON text ↔ arrays and diffs.
// SQLite and PostgreSQL declare the same columns (each backend's rows.ts checks its tables against these
// shapes at compile time), so one set of mappers serves both. Objects are built in the key order the
// domain rules use, so audit diffs read the same whichever backend wrote them.
import type { ApiToken, Role } from '../auth/schemas.js'
import { isoOfStored, type StoredAuditEntry } from '../domains/audit/chain.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import type { Bug } from '../domains/bugs/schemas.js'
import type { DesignNote } from '../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../domains/status-updates/schemas.js'
import type { Task } from '../domains/tasks/schemas.js'

// Type aliases rather than interfaces, so a row passes where a record of column values is expected.

/** A task as read: `assignees` is the JSON array of its task_assignees rows, aggregated by the query. */
export type TaskRow = {
  id: string
  title: string
  status: string
  priority: string
  assignees: string
  rationaleLog: string
  version: number
  createdAt: number
  updatedAt: number
}

/** One of a task's assignees: its place in the task's list, and the task's creation time (for list order). */
export type TaskAssigneeRow = {
  taskId: string
  position: number
  assignee: string
  taskCreatedAt: number
}

export type BugRow = {
  id: string
  title: string
  severity: string
  status: string
  taskId: string | null
  reproSteps: string
  proposedFix: string | null
  version: number
  createdAt: number
  updatedAt: number
}

export type StatusUpdateRow = {
  id: string
  actor: string
  taskId: string | null
  message: string
  createdAt: number
}

export type DesignNoteRow = {
  id: string
  title: string
  context: string
  decision: string
  consequences: string
  actor: string
  createdAt: number
  supersededBy: string | null
  status: string
  version: number
}

/** The hash chain reads these rows as they are (../domains/audit/chain.ts), so the shape is defined there. */
export type AuditEntryRow = StoredAuditEntry

export type ApiTokenRow = {
  id: string
  actor: string
  role: string
  secretHash: string
  createdAt: number
  lastUsedAt: number | null
  expiresAt: number | null
  revokedAt: number | null
}

/** True when A and B are the same type: each backend checks its tables against the rows above. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** Every time as the API returns it; the audit chain hashes times in this same form. */
export const toIso = isoOfStored
export const toEpochMs = (iso: string) => Date.parse(iso)
/** A filter's optional time, as its column stores it. */
export const toEpochMsIfSet = (iso: string | undefined) => (iso === undefined ? undefined : toEpochMs(iso))
export const toIsoOrNull = (epochMs: number | null) => (epochMs === null ? null : toIso(epochMs))
export const toEpochMsOrNull = (iso: string | null) => (iso === null ? null : toEpochMs(iso))

export const taskFromRow = (row: TaskRow): Task => ({
  id: row.id,
  title: row.title,
  status: row.status as Task['status'],
  priority: row.priority as Task['priority'],
  assignees: JSON.parse(row.assignees),
  rationaleLog: JSON.parse(row.rationaleLog),
  version: row.version,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
})

export const taskToRow = (task: Task): TaskRow => ({
  ...task,
  assignees: JSON.stringify(task.assignees),
  rationaleLog: JSON.stringify(task.rationaleLog),
  createdAt: toEpochMs(task.createdAt),
  updatedAt: toEpochMs(task.updatedAt),
})

/** The task_assignees rows of a task, in its assignees' order. */
export const taskAssigneeRows = (task: Task): TaskAssigneeRow[] =>
  task.assignees.map((assignee, position) => ({
    taskId: task.id,
    position,
    assignee,
    taskCreatedAt: toEpochMs(task.createdAt),
  }))

export const bugFromRow = (row: BugRow): Bug => ({
  id: row.id,
  title: row.title,
  severity: row.severity as Bug['severity'],
  status: row.status as Bug['status'],
  taskId: row.taskId,
  reproSteps: JSON.parse(row.reproSteps),
  proposedFix: row.proposedFix,
  version: row.version,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
})

export const bugToRow = (bug: Bug): BugRow => ({
  ...bug,
  reproSteps: JSON.stringify(bug.reproSteps),
  createdAt: toEpochMs(bug.createdAt),
  updatedAt: toEpochMs(bug.updatedAt),
})

export const statusUpdateFromRow = (row: StatusUpdateRow): StatusUpdate => ({
  id: row.id,
  actor: row.actor,
  taskId: row.taskId,
  message: row.message,
  createdAt: toIso(row.createdAt),
})

/** The row of an entity whose only stored difference is its creation time, in epoch milliseconds. */
const withCreatedAtInMs = <T extends { createdAt: string }>(value: T) =>
  ({ ...value, createdAt: toEpochMs(value.createdAt) }) as Omit<T, 'createdAt'> & { createdAt: number }

export const statusUpdateToRow = (update: StatusUpdate): StatusUpdateRow => withCreatedAtInMs(update)

export const designNoteFromRow = (row: DesignNoteRow): DesignNote => ({
  id: row.id,
  title: row.title,
  context: row.context,
  decision: row.decision,
  consequences: row.consequences,
  actor: row.actor,
  createdAt: toIso(row.createdAt),
  supersededBy: row.supersededBy,
  status: row.status as DesignNote['status'],
  version: row.version,
})

export const designNoteToRow = (note: DesignNote): DesignNoteRow => withCreatedAtInMs(note)

/** Keys in the API schema's order, as `sequence` builds the entries the memory backend keeps. */
export const auditEntryFromRow = (row: AuditEntryRow): AuditEntry => ({
  id: row.id,
  seq: row.seq,
  actor: row.actor,
  entity: row.entity as AuditEntry['entity'],
  entityId: row.entityId,
  action: row.action as AuditEntry['action'],
  at: toIso(row.at),
  diff: JSON.parse(row.diff),
  prevHash: row.prevHash,
  hash: row.hash,
})

/** Hands `rows` to `visit` one by one until it returns false (AuditChain.scanChain); how many it was given. */
export function visitEach<T>(rows: Iterable<T>, visit: (row: T) => boolean): number {
  let count = 0
  for (const row of rows) {
    count++
    if (!visit(row)) break
  }
  return count
}

export const auditEntryToRow = (entry: AuditEntry): AuditEntryRow => ({
  ...entry,
  at: toEpochMs(entry.at),
  diff: JSON.stringify(entry.diff),
})

/** A token with the hash of its secret: what a row holds, and what a dump with tokens carries. */
export type StoredApiToken = ApiToken & { secretHash: string }

export const apiTokenToRow = (token: StoredApiToken): ApiTokenRow => ({
  id: token.id,
  actor: token.actor,
  role: token.role,
  secretHash: token.secretHash,
  createdAt: toEpochMs(token.createdAt),
  lastUsedAt: toEpochMsOrNull(token.lastUsedAt),
  expiresAt: toEpochMsOrNull(token.expiresAt),
  revokedAt: toEpochMsOrNull(token.revokedAt),
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
