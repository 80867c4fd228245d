// The task plans decide everything from what was read: rows, audit entries in order, and the outcome.
import t from 'tap'
import { notFound, versionMismatch } from '../../src/core/errors.js'
import { newBug } from '../../src/domains/bugs/rules.js'
import { newStatusUpdate } from '../../src/domains/status-updates/rules.js'
import { planTaskCreate, planTaskDelete, planTaskUpdate } from '../../src/domains/tasks/plans.js'
import { newTask } from '../../src/domains/tasks/rules.js'

const T0 = '2030-01-01T00:00:00.000Z'
const T1 = '2030-01-01T00:00:01.000Z'

t.test('create: one insert and its create entry, at the task creation time', async (t) => {
  const plan = planTaskCreate({ title: 'a', assignees: ['ann'] }, 'ada', T0)
  t.same(plan.changes, [{ table: 'tasks', op: 'insert', row: plan.result }])
  t.equal(plan.audit.length, 1)
  t.match(plan.audit[0], { entity: 'task', action: 'create', actor: 'ada', at: T0, entityId: plan.result.id })
  t.same(plan.audit[0]?.diff.title, [null, 'a'])
})

t.test('update: compare-and-set on the version read, one update entry', async (t) => {
  const task = newTask({ title: 'a' }, 'ada', T0)
  const plan = planTaskUpdate({ id: task.id, task }, { status: 'done' }, 1, 'bob', T1)
  t.same(plan.changes, [{ table: 'tasks', op: 'update', before: task, row: plan.result, expectedVersion: 1 }])
  t.match(plan.result, { status: 'done', version: 2, updatedAt: T1 })
  t.same(
    plan.audit.map((e) => [e.entity, e.action, e.at, e.diff]),
    [['task', 'update', T1, { status: ['todo', 'done'], version: [1, 2], updatedAt: [T0, T1] }]],
  )
})

t.test('update that changes nothing: no rows, no entries, the task as it is', async (t) => {
  const task = newTask({ title: 'a', assignees: ['ann'] }, 'ada', T0)
  // An equal array that is another object is no change either.
  const plan = planTaskUpdate({ id: task.id, task }, { title: 'a', assignees: ['ann'] }, 1, 'bob', T1)
  t.same(plan, { changes: [], audit: [], result: task })
  t.equal(plan.result, task)
})

t.test('update and delete of a missing or stale task throw, planning nothing', async (t) => {
  const task = newTask({ title: 'a' }, 'ada', T0)
  t.throws(
    () => planTaskUpdate({ id: 'gone', task: undefined }, { title: 'b' }, 1, 'bob', T1),
    notFound('Task', 'gone'),
  )
  t.throws(() => planTaskUpdate({ id: task.id, task }, { title: 'b' }, 3, 'bob', T1), versionMismatch(1))
  const nothingAttached = { bugs: [], statusUpdates: [] }
  t.throws(
    () => planTaskDelete({ id: 'gone', task: undefined, ...nothingAttached }, 1, 'bob', T1),
    notFound('Task', 'gone'),
  )
  t.throws(() => planTaskDelete({ id: task.id, task, ...nothingAttached }, 2, 'bob', T1), {
    code: 'VERSION_MISMATCH',
    extra: { currentVersion: 1 },
  })
})

t.test(
  'delete: bugs detached first, then status updates, then the task, rows and entries alike',
  async (t) => {
    const task = newTask({ title: 'parent' }, 'ada', T0)
    const bugs = [
      newBug({ title: 'b1', severity: 'low', taskId: task.id }, T0),
      newBug({ title: 'b2', severity: 'high', taskId: task.id }, T0),
    ]
    const statusUpdates = [newStatusUpdate({ message: 'm', taskId: task.id }, 'ada', T0)]
    const plan = planTaskDelete({ id: task.id, task, bugs, statusUpdates }, 1, 'bob', T1)

    t.same(
      plan.changes.map((c) => [c.table, c.op, c.op === 'insert' ? c.row.id : c.before.id]),
      [
        ['bugs', 'update', bugs[0]?.id],
        ['bugs', 'update', bugs[1]?.id],
        ['status_updates', 'update', statusUpdates[0]?.id],
        ['tasks', 'delete', task.id],
      ],
    )
    t.same(
      plan.audit.map((e) => [e.entity, e.action, e.entityId, e.at, e.actor]),
      [
        ['bug', 'update', bugs[0]?.id, T1, 'bob'],
        ['bug', 'update', bugs[1]?.id, T1, 'bob'],
        ['status_update', 'update', statusUpdates[0]?.id, T1, 'bob'],
        ['task', 'delete', task.id, T1, 'bob'],
      ],
    )
    // A bug is detached through its rules (new version, compare-and-set on the old); a status update has none.
    t.match(plan.changes[0], { expectedVersion: 1, row: { taskId: null, version: 2, updatedAt: T1 } })
    t.same(plan.audit[0]?.diff, { taskId: [task.id, null], version: [1, 2], updatedAt: [T0, T1] })
    t.same(plan.audit[2]?.diff, { taskId: [task.id, null] })
    t.notOk('expectedVersion' in (plan.changes[2] as object))
    t.match(plan.changes[3], { expectedVersion: 1, before: task })
    // The delete entry lists every field, nulls included.
    t.same(Object.keys(plan.audit[3]?.diff ?? {}), Object.keys(task))
    t.equal(plan.result, undefined)
  },
)
