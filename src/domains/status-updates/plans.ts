// Every write to status updates, decided from what the backend read (see audit/plan.ts).
import { auditEntry } from '../audit/entries.js'
import { type ChangePlan, created, expectReference, type RowChange } from '../audit/plan.js'
import { newStatusUpdate } from './rules.js'
import type { CreateStatusUpdateBody, StatusUpdate } from './schemas.js'

export type StatusUpdateRowChange = RowChange<'status_updates', StatusUpdate>
type StatusUpdatePlan<Result> = ChangePlan<StatusUpdateRowChange, Result>

/** `taskFound`: whether the task the update names exists (true as well when it names none). */
export function planStatusUpdateCreate(
  input: CreateStatusUpdateBody,
  { taskFound }: { taskFound: boolean },
  actor: string,
  now: string,
): StatusUpdatePlan<StatusUpdate> {
  expectReference('taskId', input.taskId, taskFound)
  return created('status_updates', 'status_update', newStatusUpdate(input, actor, now), actor)
}

/** A status update of a task being deleted, pointing at no task from now on (status updates have no version). */
export function planStatusUpdateDetach(
  update: StatusUpdate,
  actor: string,
  now: string,
): StatusUpdatePlan<StatusUpdate> {
  const detached: StatusUpdate = { ...update, taskId: null }
  return {
    changes: [{ table: 'status_updates', op: 'update', before: update, row: detached }],
    audit: [auditEntry('status_update', 'update', actor, now, update, detached)],
    result: detached,
  }
}
