// Every write to bugs, decided from what the backend read: rows, audit entries and outcome (see audit/plan.ts).
import { isComplete, lastState, replay } from '../audit/history.js'
import { type ChangePlan, expectReference, type RowChange, unchanged } from '../audit/plan.js'
import type { AuditEntry } from '../audit/schemas.js'
import { versionedEntity } from '../audit/versioned.js'
import { changeBug, newBug } from './rules.js'
import type { Bug, BugChanges, CreateBugBody } from './schemas.js'

export type BugRowChange = RowChange<'bugs', Bug>
type BugPlan<Result> = ChangePlan<BugRowChange, Result>

const bugs = versionedEntity<'bugs', Bug>('bugs', 'bug', 'Bug')

/** What a bug write reads: the bug (for an update or delete) and whether the task it would point at exists. */
export interface BugReads {
  id: string
  bug: Bug | undefined
  /** True as well when the change names no task. */
  taskFound: boolean
}

export function planBugCreate(
  input: CreateBugBody,
  { taskFound }: Pick<BugReads, 'taskFound'>,
  actor: string,
  now: string,
): BugPlan<Bug> {
  expectReference('taskId', input.taskId, taskFound)
  return bugs.created(newBug(input, now), actor)
}

export function planBugUpdate(
  { id, bug, taskFound }: BugReads,
  changes: BugChanges,
  expectedVersion: number,
  actor: string,
  now: string,
): BugPlan<Bug> {
  const current = bugs.expectVersion(bug, id, expectedVersion)
  expectReference('taskId', changes.taskId, taskFound)
  const next = changeBug(current, changes, now)
  return next === current ? unchanged(current) : bugs.replaced(current, next, actor)
}

export function planBugDelete(
  { id, bug }: Pick<BugReads, 'id' | 'bug'>,
  expectedVersion: number,
  actor: string,
  now: string,
): BugPlan<void> {
  return bugs.deleted(bugs.expectVersion(bug, id, expectedVersion), expectedVersion, actor, now)
}

/** A bug of a task being deleted, pointing at no task from now on: a new version, audited as an update. */
export const planBugDetach = (bug: Bug, actor: string, now: string): BugPlan<Bug> =>
  bugs.replaced(bug, changeBug(bug, { taskId: null }, now), actor)

/** What a bug restore reads: the bug (if live), its audit entries, and whether the task it would name exists. */
export interface BugRestoreReads extends BugReads {
  history: readonly AuditEntry[]
}

/**
 * The task an undeleted bug would point at, which the write must check still exists: the bug's last state's
 * `taskId` (a task deleted after the bug was does not detach it). None for a restore of a live bug, which
 * keeps its task.
 */
export function restoredBugTaskId(bug: Bug | undefined, history: readonly AuditEntry[]): string | null {
  if (bug !== undefined || !isComplete(history)) return null
  return lastState<Bug>(replay<Bug>(history))?.taskId ?? null
}

/**
 * Version `n`'s title, severity, status, repro steps and proposed fix brought back; the link to a task is not
 * (it may name a task deleted since, and a task's deletion detaches its bugs as its own change). With
 * `expectedVersion` (If-Match) the live bug gets a new version, audited as `update` (nothing, as for a PATCH,
 * when version `n` equals it). Without it the bug must be deleted (else 409 NOT_DELETED) and comes back from its
 * last state with the next version, audited as `restore`; pointing at no task when its task is gone.
 */
export function planBugRestore(
  { id, bug, history, taskFound }: BugRestoreReads,
  n: number,
  expectedVersion: number | undefined,
  actor: string,
  now: string,
): BugPlan<Bug> {
  const { live, base, target } = bugs.restorePoint({ id, row: bug, history }, n, expectedVersion)
  const { title, severity, status, reproSteps, proposedFix } = target
  const changes = { title, severity, status, reproSteps, proposedFix }
  if (live !== undefined) {
    const next = changeBug(live, changes, now)
    return next === live ? unchanged(live) : bugs.replaced(live, next, actor)
  }
  const restored: Bug = {
    ...changeBug(base, { ...changes, ...(taskFound ? {} : { taskId: null }) }, now),
    version: base.version + 1,
    updatedAt: now,
  }
  return bugs.undeleted(restored, actor, now)
}
