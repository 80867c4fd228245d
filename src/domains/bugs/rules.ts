// How a bug comes to be and changes, the same whichever backend stores it.
import { uuidv7 } from 'uuidv7'
import type { Bug, BugChanges, CreateBugBody } from './schemas.js'

export function newBug(input: CreateBugBody, now: string): Bug {
  return {
    id: uuidv7(),
    title: input.title,
    severity: input.severity,
    status: input.status ?? 'open',
    taskId: input.taskId ?? null,
    reproSteps: input.reproSteps ?? [],
    proposedFix: input.proposedFix ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

/** The bug after `changes`, or the same object when nothing would change. */
export function changeBug(bug: Bug, changes: BugChanges, now: string): Bug {
  const next: Bug = {
    ...bug,
    title: changes.title ?? bug.title,
    severity: changes.severity ?? bug.severity,
    status: changes.status ?? bug.status,
    taskId: changes.taskId === undefined ? bug.taskId : changes.taskId,
    reproSteps: changes.reproSteps ?? bug.reproSteps,
    proposedFix: changes.proposedFix === undefined ? bug.proposedFix : changes.proposedFix,
  }
  const changed = (Object.keys(next) as (keyof Bug)[]).some(
    (key) => JSON.stringify(next[key]) !== JSON.stringify(bug[key]),
  )
  return changed ? { ...next, version: bug.version + 1, updatedAt: now } : bug
}
