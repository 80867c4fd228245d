// The audit diff on its own: what a create, an update and a delete record. Every backend writes exactly this,
// so a field dropped or added here is dropped or added from the trail everywhere.
import t from 'tap'
import { auditEntry, diff } from '../../src/domains/audit/entries.js'

const ID = '01900000-0000-7000-8000-000000000001'
const AT = '2026-01-01T00:00:00.000Z'
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('a create lists every field as [null, after], null-valued and falsy fields too', async (t) => {
  t.same(
    diff(null, { id: ID, title: 'x', taskId: null, proposedFix: null, count: 0, done: false, note: '' }),
    {
      id: [null, ID],
      title: [null, 'x'],
      taskId: [null, null],
      proposedFix: [null, null],
      count: [null, 0],
      done: [null, false],
      note: [null, ''],
    },
  )
})

t.test('a delete lists every field as [before, null], null-valued fields too', async (t) => {
  t.same(diff({ id: ID, steps: ['a'], taskId: null, proposedFix: null }, null), {
    id: [ID, null],
    steps: [['a'], null],
    taskId: [null, null],
    proposedFix: [null, null],
  })
})

t.test('an update lists only the fields that differ', async (t) => {
  const before = { id: ID, title: 'a', status: 'todo', assignees: ['ada'], count: 0, fix: null }
  t.same(diff(before, { ...before }), {}, 'nothing changed')
  t.same(diff(before, { ...before, title: 'b' }), { title: ['a', 'b'] })
  t.same(diff(before, { ...before, count: 1 }), { count: [0, 1] })
  t.same(diff(before, { ...before, fix: 'guard' }), { fix: [null, 'guard'] })
  t.same(diff({ ...before, fix: 'guard' }, before), { fix: ['guard', null] })
  t.same(diff(before, { ...before, assignees: ['ada', 'grace'] }), { assignees: [['ada'], ['ada', 'grace']] })
  t.same(diff(before, { ...before, status: 'done', title: 'b' }), {
    title: ['a', 'b'],
    status: ['todo', 'done'],
  })
})

t.test('an equal array or object resent as a new value is not a change', async (t) => {
  const before = { assignees: ['ada', 'grace'], log: [{ at: AT, text: 'why' }] }
  const after = { assignees: ['ada', 'grace'], log: [{ at: AT, text: 'why' }] }
  t.not(before.assignees, after.assignees, 'different objects')
  t.same(diff(before, after), {})
  t.same(diff(before, { ...after, assignees: ['grace', 'ada'] }), {
    assignees: [
      ['ada', 'grace'],
      ['grace', 'ada'],
    ],
  })
})

t.test('a field on one side only is compared with null', async (t) => {
  t.same(diff({ a: 1 }, { a: 1, b: 2 }), { b: [null, 2] })
  t.same(diff({ a: 1, b: 2 }, { a: 1 }), { b: [2, null] })
  t.same(diff({ a: 1 }, { a: 1, b: null }), {}, 'absent and null are the same value')
})

t.test('auditEntry names the entity by the id of whichever side there is', async (t) => {
  const row = { id: ID, title: 'x', fix: null }
  const created = auditEntry('task', 'create', 'alice', AT, null, row)
  t.match(created.id, UUID_V7)
  t.same(
    { ...created, id: 'x' },
    {
      id: 'x',
      actor: 'alice',
      entity: 'task',
      entityId: ID,
      action: 'create',
      at: AT,
      diff: { id: [null, ID], title: [null, 'x'], fix: [null, null] },
    },
  )
  t.notOk('seq' in created, 'the backend assigns seq')
  const deleted = auditEntry('bug', 'delete', 'bob', AT, row, null)
  t.match(deleted, { entity: 'bug', entityId: ID, action: 'delete', actor: 'bob' })
  t.same(deleted.diff, { id: [ID, null], title: ['x', null], fix: [null, null] })
  const updated = auditEntry('task', 'update', 'carol', AT, row, { ...row, title: 'y' })
  t.match(updated, { entityId: ID, action: 'update' })
  t.same(updated.diff, { title: ['x', 'y'] })
  t.not(auditEntry('task', 'create', 'alice', AT, null, row).id, created.id, 'every entry has its own id')
})
