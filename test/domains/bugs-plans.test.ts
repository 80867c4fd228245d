// The bug plans: references checked after the version, no-op updates, deletes.
import t from 'tap'
import { notFound, referenceNotFound, versionMismatch } from '../../src/core/errors.js'
import { planBugCreate, planBugDelete, planBugUpdate } from '../../src/domains/bugs/plans.js'
import { newBug } from '../../src/domains/bugs/rules.js'

const T0 = '2030-01-01T00:00:00.000Z'
const T1 = '2030-01-01T00:00:01.000Z'
const TASK = '0190b1d4-0000-7000-8000-000000000000'

t.test('create checks the task it names', async (t) => {
  t.throws(
    () => planBugCreate({ title: 'b', severity: 'low', taskId: TASK }, { taskFound: false }, 'ada', T0),
    referenceNotFound('taskId', TASK),
  )
  const plan = planBugCreate({ title: 'b', severity: 'low' }, { taskFound: false }, 'ada', T0)
  t.same(plan.changes, [{ table: 'bugs', op: 'insert', row: plan.result }])
  // Null fields are in the create diff too.
  t.same(plan.audit[0]?.diff.taskId, [null, null])
  t.same(plan.audit[0]?.diff.proposedFix, [null, null])
})

t.test('update: version first, then the reference; a no-op plans nothing', async (t) => {
  const bug = newBug({ title: 'b', severity: 'low' }, T0)
  const read = { id: bug.id, bug, taskFound: false }
  t.throws(() => planBugUpdate(read, { taskId: TASK }, 2, 'bob', T1), versionMismatch(1))
  t.throws(() => planBugUpdate(read, { taskId: TASK }, 1, 'bob', T1), referenceNotFound('taskId', TASK))
  t.throws(
    () => planBugUpdate({ id: 'gone', bug: undefined, taskFound: true }, {}, 1, 'bob', T1),
    notFound('Bug', 'gone'),
  )
  t.same(planBugUpdate(read, { severity: 'low', reproSteps: [] }, 1, 'bob', T1), {
    changes: [],
    audit: [],
    result: bug,
  })
  const plan = planBugUpdate(read, { status: 'closed' }, 1, 'bob', T1)
  t.same(plan.changes, [{ table: 'bugs', op: 'update', before: bug, row: plan.result, expectedVersion: 1 }])
  t.same(plan.audit[0]?.diff, { status: ['open', 'closed'], version: [1, 2], updatedAt: [T0, T1] })
})

t.test('delete: compare-and-set on the version, one delete entry at the write time', async (t) => {
  const bug = newBug({ title: 'b', severity: 'low' }, T0)
  t.throws(() => planBugDelete({ id: bug.id, bug }, 5, 'bob', T1), versionMismatch(1))
  t.throws(() => planBugDelete({ id: bug.id, bug: undefined }, 1, 'bob', T1), notFound('Bug', bug.id))
  const plan = planBugDelete({ id: bug.id, bug }, 1, 'bob', T1)
  t.same(plan.changes, [{ table: 'bugs', op: 'delete', before: bug, expectedVersion: 1 }])
  t.match(plan.audit, [{ entity: 'bug', action: 'delete', at: T1, entityId: bug.id }])
})
