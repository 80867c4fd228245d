// Every write to bugs, decided from what the backend read: rows, audit entries and outcome (see audit/plan.ts).
import { auditEntry } from '../audit/entries.js'
import {
  type ChangePlan,
  created,
  expectReference,
  expectVersion,
  type RowChange,
  unchanged,
} from '../audit/plan.js'
import { changeBug, newBug } from './rules.js'
import type { Bug, BugChanges, CreateBugBody } from './schemas.js'

export type BugRowChange = RowChange<'bugs', Bug>
type BugPlan<Result> = ChangePlan<BugRowChange, Result>

/** What a bug write reads: the bug (for an update or delete) and whether the task it would point at exists. */
export interface BugReads {
  id: string
  bug: Bug | undefined
  /** True as well when the change names no task. */
  taskFound: boolean
}

/** `next` replacing `bug`, compare-and-set on the version it was computed from, and its audit entry. */
function replaceBug(bug: Bug, next: Bug, actor: string): BugPlan<Bug> {
  return {
    changes: [{ table: 'bugs', op: 'update', before: bug, row: next, expectedVersion: bug.version }],
    audit: [auditEntry('bug', 'update', actor, next.updatedAt, bug, next)],
    result: next,
  }
}

export function planBugCreate(
  input: CreateBugBody,
  { taskFound }: Pick<BugReads, 'taskFound'>,
  actor: string,
  now: string,
): BugPlan<Bug> {
  expectReference('taskId', input.taskId, taskFound)
  return created('bugs', 'bug', newBug(input, now), actor)
}

export function planBugUpdate(
  { id, bug, taskFound }: BugReads,
  changes: BugChanges,
  expectedVersion: number,
  actor: string,
  now: string,
): BugPlan<Bug> {
  const current = expectVersion(bug, 'Bug', id, expectedVersion)
  expectReference('taskId', changes.taskId, taskFound)
  const next = changeBug(current, changes, now)
  return next === current ? unchanged(current) : replaceBug(current, next, actor)
}

export function planBugDelete(
  { id, bug }: Pick<BugReads, 'id' | 'bug'>,
  expectedVersion: number,
  actor: string,
  now: string,
): BugPlan<void> {
  const current = expectVersion(bug, 'Bug', id, expectedVersion)
  return {
    changes: [{ table: 'bugs', op: 'delete', before: current, expectedVersion }],
    audit: [auditEntry('bug', 'delete', actor, now, current, null)],
    result: undefined,
  }
}

/** A bug of a task being deleted, pointing at no task from now on: a new version, audited as an update. */
export const planBugDetach = (bug: Bug, actor: string, now: string): BugPlan<Bug> =>
  replaceBug(bug, changeBug(bug, { taskId: null }, now), actor)
