// How a task comes to be and changes, the same whichever backend stores it.
import { uuidv7 } from 'uuidv7'
import type { CreateTaskBody, Task, TaskChanges } from './schemas.js'

export function newTask(input: CreateTaskBody, actor: string, now: string): Task {
  return {
    id: uuidv7(),
    title: input.title,
    status: input.status ?? 'todo',
    priority: input.priority ?? 'medium',
    assignees: input.assignees ?? [],
    rationaleLog: input.rationale === undefined ? [] : [{ at: now, actor, text: input.rationale }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * The task after `changes`, or the same object when nothing would change (no new version, no audit entry).
 * A rationale always changes the task: the log only grows.
 */
export function changeTask(task: Task, changes: TaskChanges, actor: string, now: string): Task {
  const next: Task = {
    ...task,
    title: changes.title ?? task.title,
    status: changes.status ?? task.status,
    priority: changes.priority ?? task.priority,
    assignees: changes.assignees ?? task.assignees,
    rationaleLog:
      changes.rationale === undefined
        ? task.rationaleLog
        : [...task.rationaleLog, { at: now, actor, text: changes.rationale }],
  }
  const changed =
    next.title !== task.title ||
    next.status !== task.status ||
    next.priority !== task.priority ||
    next.rationaleLog !== task.rationaleLog ||
    JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)
  return changed ? { ...next, version: task.version + 1, updatedAt: now } : task
}
