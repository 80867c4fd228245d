// Every write to tasks, decided from what the backend read (see audit/plan.ts). Deleting a task detaches the
// bugs and status updates that point at it, so its plan also writes theirs.
import { auditEntry } from '../audit/entries.js'
import { type ChangePlan, combine, created, expectVersion, type RowChange, unchanged } from '../audit/plan.js'
import { type BugRowChange, planBugDetach } from '../bugs/plans.js'
import type { Bug } from '../bugs/schemas.js'
import { planStatusUpdateDetach, type StatusUpdateRowChange } from '../status-updates/plans.js'
import type { StatusUpdate } from '../status-updates/schemas.js'
import { changeTask, newTask } from './rules.js'
import type { CreateTaskBody, Task, TaskChanges } from './schemas.js'

export type TaskRowChange = RowChange<'tasks', Task>
type TaskPlan<Result> = ChangePlan<TaskRowChange, Result>

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
  return created('tasks', 'task', newTask(input, actor, now), actor)
}

export function planTaskUpdate(
  { id, task }: TaskReads,
  changes: TaskChanges,
  expectedVersion: number,
  actor: string,
  now: string,
): TaskPlan<Task> {
  const current = expectVersion(task, 'Task', id, expectedVersion)
  const next = changeTask(current, changes, actor, now)
  if (next === current) return unchanged(current)
  return {
    changes: [{ table: 'tasks', op: 'update', before: current, row: next, expectedVersion }],
    audit: [auditEntry('task', 'update', actor, next.updatedAt, current, next)],
    result: next,
  }
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
  const current = expectVersion(task, 'Task', id, expectedVersion)
  const deletion: TaskPlan<void> = {
    changes: [{ table: 'tasks', op: 'delete', before: current, expectedVersion }],
    audit: [auditEntry('task', 'delete', actor, now, current, null)],
    result: undefined,
  }
  return combine<TaskRowChange | BugRowChange | StatusUpdateRowChange, void>(
    [
      ...bugs.map((bug) => planBugDetach(bug, actor, now)),
      ...statusUpdates.map((update) => planStatusUpdateDetach(update, actor, now)),
      deletion,
    ],
    undefined,
  )
}
