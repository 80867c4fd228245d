// History rebuilt from audit entries, and the restore plans, on their own: no backend, just the pure functions.
import t from 'tap'
import { GENESIS_HASH } from '../../src/domains/audit/chain.js'
import { sequence } from '../../src/domains/audit/entries.js'
import {
  asOf,
  atVersion,
  completeHistory,
  lastState,
  replay,
  versionItem,
  versionPage,
} from '../../src/domains/audit/history.js'
import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import {
  planBugCreate,
  planBugDelete,
  planBugRestore,
  restoredBugTaskId,
} from '../../src/domains/bugs/plans.js'
import type { Bug } from '../../src/domains/bugs/schemas.js'
import {
  planTaskCreate,
  planTaskDelete,
  planTaskRestore,
  planTaskUpdate,
} from '../../src/domains/tasks/plans.js'
import type { Task } from '../../src/domains/tasks/schemas.js'

const T0 = '2030-01-01T00:00:00.000Z'
const T1 = '2030-01-01T00:00:01.000Z'
const T2 = '2030-01-01T00:00:02.000Z'
const T3 = '2030-01-01T00:00:03.000Z'
const NOTHING = { bugs: [], statusUpdates: [] }

/** A task created at T0, changed at T1, deleted at T2: its entries (numbered) and each answer. */
function taskStory() {
  const created = planTaskCreate({ title: 'a', assignees: ['ann'], rationale: 'why' }, 'ada', T0)
  const v1 = created.result
  const changed = planTaskUpdate({ id: v1.id, task: v1 }, { title: 'b', assignees: [] }, 1, 'bob', T1)
  const v2 = changed.result
  const deleted = planTaskDelete({ id: v1.id, task: v2, ...NOTHING }, 2, 'cy', T2)
  const entries = sequence([...created.audit, ...changed.audit, ...deleted.audit], {
    lastSeq: 0,
    lastAt: undefined,
    lastHash: GENESIS_HASH,
  })
  return { v1, v2, entries }
}

t.test('replay rebuilds every version exactly; asOf and lastState read it', async (t) => {
  const { v1, v2, entries } = taskStory()
  const steps = replay<Task>(entries)
  t.same(
    steps.map((step) => step.state),
    [v1, v2, null],
  )
  t.same(atVersion(steps, 1), v1)
  t.same(atVersion(steps, 2), v2)
  t.equal(atVersion(steps, 3), undefined)
  t.equal(asOf(steps, '2029-12-31T23:59:59.999Z'), undefined, 'before it existed')
  t.same(asOf(steps, T0), v1)
  t.same(asOf(steps, '2030-01-01T00:00:01.500Z'), v2)
  t.equal(asOf(steps, T2), undefined, 'deleted')
  t.same(lastState(steps), v2)
  t.equal(lastState([]), undefined)
})

t.test('a trail that cannot be replayed is refused, not guessed at', async (t) => {
  const { entries } = taskStory()
  const [create, update, remove] = entries as [AuditEntry, AuditEntry, AuditEntry]
  t.throws(() => replay([create, create]), /creates a live entity/)
  t.throws(() => replay([create, remove, update]), /changes an entity that does not exist/)
})

t.test('completeHistory: 404 for nothing known, 410 when the start is gone', async (t) => {
  const { entries } = taskStory()
  t.equal(completeHistory(entries, false, 'Task', 'x').length, 3)
  t.throws(() => completeHistory([], false, 'Task', 'x'), { code: 'NOT_FOUND' })
  t.throws(() => completeHistory([], true, 'Task', 'x'), { code: 'HISTORY_PRUNED', status: 410 })
  t.throws(() => completeHistory(entries.slice(1), true, 'Task', 'x'), { code: 'HISTORY_PRUNED' })
})

t.test('version items drop version and updatedAt; pages go newest first by seq', async (t) => {
  const { entries } = taskStory()
  t.same(versionItem(entries[1] as AuditEntry), {
    version: 2,
    at: T1,
    actor: 'bob',
    action: 'update',
    changes: { title: ['a', 'b'], assignees: [['ann'], []] },
  })
  t.equal(versionItem(entries[2] as AuditEntry).version, 2, 'a delete names the version it deleted')
  const first = versionPage(entries, 2, undefined)
  t.same(
    first.items.map((item) => item.action),
    ['delete', 'update'],
  )
  t.same(first.next, { seq: 2 })
  const second = versionPage(entries, 2, first.next ?? undefined)
  t.same(
    second.items.map((item) => item.action),
    ['create'],
  )
  t.equal(second.next, null)
})

t.test(
  'task restore: live is an update with the log line; undelete inserts, audited as restore',
  async (t) => {
    const { v1, v2, entries } = taskStory()
    const live = entries.slice(0, 2)
    const plan = planTaskRestore({ id: v1.id, task: v2, history: live }, 1, 2, 'dee', T3)
    t.match(plan.result, { title: 'a', assignees: ['ann'], version: 3, updatedAt: T3 })
    t.same(plan.result.rationaleLog.at(-1), { at: T3, actor: 'dee', text: 'restored version 1' })
    t.match(plan.changes, [{ table: 'tasks', op: 'update', expectedVersion: 2 }])
    t.match(plan.audit, [{ action: 'update', actor: 'dee', at: T3 }])
    t.throws(() => planTaskRestore({ id: v1.id, task: v2, history: live }, 1, 1, 'dee', T3), {
      code: 'VERSION_MISMATCH',
    })
    t.throws(() => planTaskRestore({ id: v1.id, task: v2, history: live }, 1, undefined, 'dee', T3), {
      code: 'NOT_DELETED',
      status: 409,
    })
    t.throws(() => planTaskRestore({ id: v1.id, task: v2, history: live }, 7, 2, 'dee', T3), {
      code: 'REFERENCE_NOT_FOUND',
    })

    const back = planTaskRestore({ id: v1.id, task: undefined, history: entries }, 2, undefined, 'dee', T3)
    t.match(back.result, { title: 'b', version: 3, createdAt: T0, updatedAt: T3 })
    t.same(back.changes, [{ table: 'tasks', op: 'insert', row: back.result }])
    t.match(back.audit, [{ action: 'restore', entityId: v1.id, diff: { version: [null, 3] } }])
    t.throws(() => planTaskRestore({ id: v1.id, task: undefined, history: [] }, 1, undefined, 'dee', T3), {
      code: 'NOT_FOUND',
    })
  },
)

t.test('bug restore: no taskId; an undeleted bug drops a task that is gone', async (t) => {
  const created = planBugCreate(
    { title: 'a', severity: 'low', taskId: '0190b1d4-0000-7000-8000-000000000000' },
    { taskFound: true },
    'ada',
    T0,
  )
  const bug: Bug = created.result
  const deleted = planBugDelete({ id: bug.id, bug }, 1, 'ada', T1)
  const history = sequence([...created.audit, ...deleted.audit], {
    lastSeq: 0,
    lastAt: undefined,
    lastHash: GENESIS_HASH,
  })
  t.equal(restoredBugTaskId(undefined, history), bug.taskId)
  t.equal(restoredBugTaskId(bug, history), null, 'a live bug keeps its task')
  t.equal(restoredBugTaskId(undefined, history.slice(1)), null, 'no history, nothing to check')
  const gone = planBugRestore(
    { id: bug.id, bug: undefined, history, taskFound: false },
    1,
    undefined,
    'ada',
    T2,
  )
  t.match(gone.result, { taskId: null, version: 2, updatedAt: T2 })
  const kept = planBugRestore(
    { id: bug.id, bug: undefined, history, taskFound: true },
    1,
    undefined,
    'ada',
    T2,
  )
  t.match(kept.result, { taskId: bug.taskId, version: 2 })
  const same = planBugRestore(
    { id: bug.id, bug, history: history.slice(0, 1), taskFound: true },
    1,
    1,
    'ada',
    T2,
  )
  t.same(same, { changes: [], audit: [], result: bug }, 'nothing to change, nothing written')
})
