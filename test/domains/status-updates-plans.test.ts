// A status update is created once and only ever detached (see tasks-plans.test.ts).
import t from 'tap'
import { referenceNotFound } from '../../src/core/errors.js'
import { planStatusUpdateCreate } from '../../src/domains/status-updates/plans.js'

const T0 = '2030-01-01T00:00:00.000Z'
const GONE = '0190b1d4-0000-7000-8000-000000000000'

t.test('a status update naming a missing task is refused', async (t) => {
  t.throws(
    () => planStatusUpdateCreate({ message: 'm', taskId: GONE }, { taskFound: false }, 'ada', T0),
    referenceNotFound('taskId', GONE),
  )
  const plan = planStatusUpdateCreate({ message: 'm' }, { taskFound: false }, 'ada', T0)
  t.same(plan.changes, [{ table: 'status_updates', op: 'insert', row: plan.result }])
  t.match(plan.audit, [{ entity: 'status_update', action: 'create', at: T0 }])
})
