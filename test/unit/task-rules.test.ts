// The task rules on their own: what a new task holds, and which changes make a new version. A change that
// the rules miss is a lost write on every backend, so each field is changed alone here.
import t from 'tap'
import { changeTask, newTask } from '../../src/domains/tasks/rules.js'
import type { Task } from '../../src/domains/tasks/schemas.js'

const CREATED = '2026-01-01T00:00:00.000Z'
const LATER = '2026-01-02T00:00:00.000Z'
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const base = (): Task =>
  newTask({ title: 'Ship it', assignees: ['ada', 'grace'], rationale: 'because' }, 'alice', CREATED)

t.test('newTask applies the defaults and stamps nothing else', async (t) => {
  const task = newTask({ title: 'Ship it' }, 'alice', CREATED)
  t.match(task.id, UUID_V7)
  t.same(
    { ...task, id: 'x' },
    {
      id: 'x',
      title: 'Ship it',
      status: 'todo',
      priority: 'medium',
      assignees: [],
      rationaleLog: [],
      version: 1,
      createdAt: CREATED,
      updatedAt: CREATED,
    },
  )
  t.not(newTask({ title: 'Ship it' }, 'alice', CREATED).id, task.id, 'every task gets its own id')
})

t.test('newTask keeps what it is given and logs the rationale with actor and time', async (t) => {
  const task = newTask(
    { title: 'T', status: 'blocked', priority: 'critical', assignees: ['ada'], rationale: 'why' },
    'alice',
    CREATED,
  )
  t.same(task.status, 'blocked')
  t.same(task.priority, 'critical')
  t.same(task.assignees, ['ada'])
  t.same(task.rationaleLog, [{ at: CREATED, actor: 'alice', text: 'why' }])
  t.same(newTask({ title: 'T', rationale: '' }, 'bob', CREATED).rationaleLog, [
    { at: CREATED, actor: 'bob', text: '' },
  ])
})

t.test('no change at all is the same task: no new version', async (t) => {
  const task = base()
  t.equal(changeTask(task, {}, 'bob', LATER), task)
  t.equal(
    changeTask(
      task,
      { title: task.title, status: task.status, priority: task.priority, assignees: [...task.assignees] },
      'bob',
      LATER,
    ),
    task,
    'resending every value, with an equal new assignees array, is no change',
  )
})

t.test('each field changed alone is a new version that changes only that field', async (t) => {
  const task = base()
  const cases: [string, Parameters<typeof changeTask>[1], Partial<Task>][] = [
    ['title', { title: 'Renamed' }, { title: 'Renamed' }],
    ['status', { status: 'done' }, { status: 'done' }],
    ['priority', { priority: 'low' }, { priority: 'low' }],
    ['assignees', { assignees: ['ada'] }, { assignees: ['ada'] }],
    ['assignees emptied', { assignees: [] }, { assignees: [] }],
    ['assignees reordered', { assignees: ['grace', 'ada'] }, { assignees: ['grace', 'ada'] }],
  ]
  for (const [name, changes, expected] of cases) {
    const next = changeTask(task, changes, 'bob', LATER)
    t.not(next, task, name)
    t.same(next, { ...task, ...expected, version: task.version + 1, updatedAt: LATER }, name)
  }
})

t.test('a rationale always changes the task, and the log only grows', async (t) => {
  const task = base()
  const next = changeTask(task, { rationale: 'because' }, 'bob', LATER)
  t.equal(next.version, task.version + 1, 'even the same text again is a change')
  t.equal(next.updatedAt, LATER)
  t.same(next.rationaleLog, [...task.rationaleLog, { at: LATER, actor: 'bob', text: 'because' }])
  t.same(task.rationaleLog, [{ at: CREATED, actor: 'alice', text: 'because' }], 'the old task is untouched')
  const withTitle = changeTask(task, { title: 'New', rationale: 'renamed' }, 'bob', LATER)
  t.equal(withTitle.title, 'New')
  t.equal(withTitle.rationaleLog.length, 2)
})

t.test('a change keeps the identity and the creation time', async (t) => {
  const task = { ...base(), version: 7 }
  const next = changeTask(task, { status: 'in_progress' }, 'bob', LATER)
  t.equal(next.id, task.id)
  t.equal(next.createdAt, CREATED)
  t.equal(next.version, 8)
})
