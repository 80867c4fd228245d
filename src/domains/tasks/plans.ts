// Every write to tasks, decided from what the backend read (see audit/plan.ts). Deleting a task detaches the
// bugs and status updates that point at it, so its plan also writes theirs.
import { type ChangePlan, combine, type RowChange, unchanged } from '../audit/plan.js'
import type { AuditEntry } from '../audit/schemas.js'
import { versionedEntity } from '../audit/versioned.js'
import { type BugRowChange, planBugDetach } from '../bugs/plans.js'
import type { Bug } from '../bugs/schemas.js'
import { planStatusUpdateDetach, type StatusUpdateRowChange } from '../status-updates/plans.js'
import type { StatusUpdate } from '../status-updates/schemas.js'
import { changeTask, newTask } from './rules.js'
import type { CreateTaskBody, Task, TaskChanges } from './schemas.js'

export type TaskRowChange = RowChange<'tasks', Task>
type TaskPlan<Result> = ChangePlan<TaskRowChange, Result>

const tasks = versionedEntity<'tasks', Task>('tasks', 'task', 'Task')

/** What a task write reads: the task under `id`, if any. */
export interface TaskReads {
  id: string
  task: Task | undefined
}

/** What a task delete reads besides the task: what points at it, oldest first. */
export interface TaskAttachments {
  bugs: Bug[]
  statusUpdates: StatusUpdate[]
}

export function planTaskCreate(input: CreateTaskBody, actor: string, now: string): TaskPlan<Task> {
  return tasks.created(newTask(input, actor, now), actor)
}

export function planTaskUpdate(
  { id, task }: TaskReads,
  changes: TaskChanges,
  expectedVersion: number,
  actor: string,
  now: string,
): TaskPlan<Task> {
  const current = tasks.expectVersion(task, id, expectedVersion)
  const next = changeTask(current, changes, actor, now)
  return next === current ? unchanged(current) : tasks.replaced(current, next, actor)
}

/**
 * The task deleted after its bugs, then its status updates, are detached: rows and audit entries in that
 * order, all at one time.
 */
export function planTaskDelete(
  { id, task, bugs, statusUpdates }: TaskReads & TaskAttachments,
  expectedVersion: number,
  actor: string,
  now: string,
): ChangePlan<TaskRowChange | BugRowChange | StatusUpdateRowChange, void> {
  const current = tasks.expectVersion(task, id, expectedVersion)
  return combine<TaskRowChange | BugRowChange | StatusUpdateRowChange, void>(
    [
      ...bugs.map((bug) => planBugDetach(bug, actor, now)),
      ...statusUpdates.map((update) => planStatusUpdateDetach(update, actor, now)),
      tasks.deleted(current, expectedVersion, actor, now),
    ],
    undefined,
  )
}

/** What a task restore reads: the task (if live) and, when the restore may go ahead, its audit entries. */
export interface TaskRestoreReads extends TaskReads {
  history: readonly AuditEntry[]
}

/**
 * Version `n`'s title, status, priority and assignees brought back, and "restored version n" appended to the
 * rationale log (never rewritten). With `expectedVersion` (If-Match) the live task gets a new version, audited
 * as `update`; without it the task must be deleted (else 409 NOT_DELETED) and comes back from its last state
 * with the next version, audited as `restore`.
 */
export function planTaskRestore(
  { id, task, history }: TaskRestoreReads,
  n: number,
  expectedVersion: number | undefined,
  actor: string,
  now: string,
): TaskPlan<Task> {
  const { live, base, target } = tasks.restorePoint({ id, row: task, history }, n, expectedVersion)
  const { title, status, priority, assignees } = target
  const next = changeTask(
    base,
    { title, status, priority, assignees, rationale: `restored version ${n}` },
    actor,
    now,
  )
  return live === undefined ? tasks.undeleted(next, actor, now) : tasks.replaced(live, next, actor)
}
