// The bug, design note and status update rules on their own: defaults, nulls, and which changes count.
import t from 'tap'
import { TrailError } from '../../src/core/errors.js'
import { changeBug, newBug } from '../../src/domains/bugs/rules.js'
import type { Bug } from '../../src/domains/bugs/schemas.js'
import { newDesignNote, supersede } from '../../src/domains/design-notes/rules.js'
import { newStatusUpdate } from '../../src/domains/status-updates/rules.js'

const CREATED = '2026-01-01T00:00:00.000Z'
const LATER = '2026-01-02T00:00:00.000Z'
const TASK = '01900000-0000-7000-8000-000000000001'
const OTHER_TASK = '01900000-0000-7000-8000-000000000002'
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('newBug: defaults are open, no task, no steps, no fix', async (t) => {
  const bug = newBug({ title: 'Crash', severity: 'high' }, CREATED)
  t.match(bug.id, UUID_V7)
  t.same(
    { ...bug, id: 'x' },
    {
      id: 'x',
      title: 'Crash',
      severity: 'high',
      status: 'open',
      taskId: null,
      reproSteps: [],
      proposedFix: null,
      version: 1,
      createdAt: CREATED,
      updatedAt: CREATED,
    },
  )
  t.not(newBug({ title: 'Crash', severity: 'high' }, CREATED).id, bug.id)
})

t.test('newBug keeps what it is given', async (t) => {
  const bug = newBug(
    {
      title: 'Crash',
      severity: 'low',
      status: 'resolved',
      taskId: TASK,
      reproSteps: ['open', 'click'],
      proposedFix: 'guard it',
    },
    CREATED,
  )
  t.match(bug, {
    status: 'resolved',
    taskId: TASK,
    reproSteps: ['open', 'click'],
    proposedFix: 'guard it',
  })
})

const bug = (): Bug =>
  newBug(
    { title: 'Crash', severity: 'high', taskId: TASK, reproSteps: ['open'], proposedFix: 'guard' },
    CREATED,
  )

t.test('changeBug: no change, or equal values resent, is the same bug', async (t) => {
  const before = bug()
  t.equal(changeBug(before, {}, LATER), before)
  t.equal(
    changeBug(
      before,
      {
        title: 'Crash',
        severity: 'high',
        status: 'open',
        taskId: TASK,
        reproSteps: ['open'],
        proposedFix: 'guard',
      },
      LATER,
    ),
    before,
  )
})

t.test('changeBug: each field alone is a new version', async (t) => {
  const before = bug()
  const cases: [string, Parameters<typeof changeBug>[1], Partial<Bug>][] = [
    ['title', { title: 'Hang' }, { title: 'Hang' }],
    ['severity', { severity: 'low' }, { severity: 'low' }],
    ['status', { status: 'closed' }, { status: 'closed' }],
    ['taskId', { taskId: OTHER_TASK }, { taskId: OTHER_TASK }],
    ['taskId cleared', { taskId: null }, { taskId: null }],
    ['reproSteps', { reproSteps: ['open', 'wait'] }, { reproSteps: ['open', 'wait'] }],
    ['proposedFix', { proposedFix: 'retry' }, { proposedFix: 'retry' }],
    ['proposedFix cleared', { proposedFix: null }, { proposedFix: null }],
  ]
  for (const [name, changes, expected] of cases) {
    const next = changeBug(before, changes, LATER)
    t.same(next, { ...before, ...expected, version: 2, updatedAt: LATER }, name)
  }
})

t.test('changeBug: a null field can be set again', async (t) => {
  const bare = newBug({ title: 'Crash', severity: 'high' }, CREATED)
  t.same(changeBug(bare, { taskId: TASK, proposedFix: 'fix' }, LATER), {
    ...bare,
    taskId: TASK,
    proposedFix: 'fix',
    version: 2,
    updatedAt: LATER,
  })
  t.equal(changeBug(bare, { taskId: null, proposedFix: null }, LATER), bare, 'null to null is no change')
})

t.test('newDesignNote: the author and time, not yet superseded', async (t) => {
  const input = { title: 'Use SQLite', context: 'c', decision: 'd', consequences: 'q' }
  const note = newDesignNote(input, 'alice', CREATED)
  t.match(note.id, UUID_V7)
  t.same(
    { ...note, id: 'x' },
    {
      id: 'x',
      ...input,
      actor: 'alice',
      createdAt: CREATED,
      supersededBy: null,
      status: 'accepted',
      version: 1,
    },
  )
  const successor = newDesignNote({ ...input, supersedes: note.id }, 'bob', LATER)
  t.notOk('supersedes' in successor, 'which note it supersedes is written on the old note, not the new one')
})

t.test('supersede: once, naming the new note', async (t) => {
  const input = { title: 'T', context: 'c', decision: 'd', consequences: 'q' }
  const old = newDesignNote(input, 'alice', CREATED)
  const by = newDesignNote(input, 'bob', LATER)
  const superseded = supersede(old, by)
  t.same(superseded, { ...old, supersededBy: by.id, status: 'superseded', version: 2 })
  t.equal(old.supersededBy, null, 'the old object is untouched')
  const again = newDesignNote(input, 'carol', LATER)
  const error = t.throws(() => supersede(superseded, again)) as TrailError
  t.ok(error instanceof TrailError)
  t.match(error, { status: 409, code: 'ALREADY_SUPERSEDED', extra: { supersededBy: by.id } })
  t.match(error.message, old.id)
})

t.test('newStatusUpdate: the task is null unless given', async (t) => {
  const update = newStatusUpdate({ message: 'halfway' }, 'alice', CREATED)
  t.match(update.id, UUID_V7)
  t.same(
    { ...update, id: 'x' },
    { id: 'x', actor: 'alice', taskId: null, message: 'halfway', createdAt: CREATED },
  )
  t.equal(newStatusUpdate({ message: 'm', taskId: TASK }, 'alice', CREATED).taskId, TASK)
})
