// What every implementation of the API computes whatever stores it: entities with their defaults and versions,
// and the audit entry of a change. Written out here (the same rules as trail's src/domains/*/rules.ts and
// src/domains/audit/entries.ts) so the reference depends on trail for its schemas only.
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import { uuidv7 } from 'uuidv7'

export const now = () => new Date().toISOString()

export function newTask(input, actor, at) {
  return {
    id: uuidv7(),
    title: input.title,
    status: input.status ?? 'todo',
    priority: input.priority ?? 'medium',
    assignees: input.assignees ?? [],
    rationaleLog: input.rationale === undefined ? [] : [{ at, actor, text: input.rationale }],
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
}

/** The task after `changes`, or the same object when nothing changes (no new version, no audit entry). */
export function changeTask(task, changes, actor, at) {
  const next = {
    ...task,
    title: changes.title ?? task.title,
    status: changes.status ?? task.status,
    priority: changes.priority ?? task.priority,
    assignees: changes.assignees ?? task.assignees,
    rationaleLog:
      changes.rationale === undefined
        ? task.rationaleLog
        : [...task.rationaleLog, { at, actor, text: changes.rationale }],
  }
  const changed =
    next.title !== task.title ||
    next.status !== task.status ||
    next.priority !== task.priority ||
    next.rationaleLog !== task.rationaleLog ||
    JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)
  return changed ? { ...next, version: task.version + 1, updatedAt: at } : task
}

export const newStatusUpdate = (input, actor, at) => ({
  id: uuidv7(),
  actor,
  taskId: input.taskId ?? null,
  message: input.message,
  createdAt: at,
})

const same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b)

/** `{ field: [before, after] }`: every field on create (before null) and delete (after null), else the changed. */
function diff(before, after) {
  const result = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    const from = before?.[key] ?? null
    const to = after?.[key] ?? null
    if (before === null || after === null || !same(from, to)) result[key] = [from, to]
  }
  return result
}

/** An audit entry without its seq, which the store assigns inside the write's transaction. */
export function auditEntry(entity, action, actor, at, before, after) {
  const entityId = after?.id ?? before?.id
  return { id: uuidv7(), actor, entity, entityId, action, at, diff: diff(before, after) }
}

export const toMillis = (time) => Date.parse(time)
export const toIso = (millis) => new Date(millis).toISOString()

export const taskToRow = (task) => [
  task.id,
  task.title,
  task.status,
  task.priority,
  JSON.stringify(task.rationaleLog),
  task.version,
  toMillis(task.createdAt),
  toMillis(task.updatedAt),
]

export const taskFromRow = (row) => ({
  id: row.id,
  title: row.title,
  status: row.status,
  priority: row.priority,
  assignees: JSON.parse(row.assignees),
  rationaleLog: JSON.parse(row.rationale_log),
  version: row.version,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
})

export const statusUpdateToRow = (update) => [
  update.id,
  update.actor,
  update.taskId,
  update.message,
  toMillis(update.createdAt),
]

export const statusUpdateFromRow = (row) => ({
  id: row.id,
  actor: row.actor,
  taskId: row.task_id,
  message: row.message,
  createdAt: toIso(row.created_at),
})

/** The hash chain (API.md): sha256(prevHash + RFC 8785 of the entry as the API returns it), written out here. */
export const GENESIS_HASH = '0'.repeat(64)
const chainHash = (prevHash, entry, seq) =>
  createHash('sha256')
    .update(prevHash)
    .update(
      canonicalize({
        seq,
        id: entry.id,
        at: entry.at,
        actor: entry.actor,
        entity: entry.entity,
        entityId: entry.entityId,
        action: entry.action,
        diff: entry.diff,
      }),
    )
    .digest('hex')

/** The entry's row at `seq`, linked after `prevHash` (the newest entry's hash, read under the append lock). */
export const auditToRow = (entry, seq, prevHash) => [
  entry.id,
  seq,
  entry.actor,
  entry.entity,
  entry.entityId,
  entry.action,
  toMillis(entry.at),
  JSON.stringify(entry.diff),
  prevHash,
  chainHash(prevHash, entry, seq),
]

export const auditFromRow = (row) => ({
  id: row.id,
  seq: row.seq,
  actor: row.actor,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  at: toIso(row.at),
  diff: JSON.parse(row.diff),
  prevHash: row.prev_hash,
  hash: row.hash,
})

/** The columns of the tasks table; a task's assignees are rows of task_assignees, as in trail since schema 3. */
export const TASK_COLUMNS = 'id, title, status, priority, rationale_log, version, created_at, updated_at'

/** A task's task_assignees rows, each `[taskId, position, assignee, taskCreatedAt]`, in its list's order. */
export const taskAssigneeRows = (task) =>
  task.assignees.map((assignee, position) => [task.id, position, assignee, toMillis(task.createdAt)])
export const STATUS_UPDATE_COLUMNS = 'id, actor, task_id, message, created_at'
export const AUDIT_COLUMNS = 'id, seq, actor, entity, entity_id, action, at, diff, prev_hash, hash'
