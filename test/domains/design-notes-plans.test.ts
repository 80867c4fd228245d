// Writing a design note, and superseding another with it.
import t from 'tap'
import { alreadySuperseded, referenceNotFound } from '../../src/core/errors.js'
import { planDesignNoteCreate } from '../../src/domains/design-notes/plans.js'
import { newDesignNote } from '../../src/domains/design-notes/rules.js'

const T0 = '2030-01-01T00:00:00.000Z'
const NOTE = { title: 'n', context: 'c', decision: 'd', consequences: 'e' }
const GONE = '0190b1d4-0000-7000-8000-000000000000'

t.test(
  'supersede: the new note is inserted before the old one is marked, entries in the same order',
  async (t) => {
    const old = newDesignNote(NOTE, 'ada', T0)
    const plan = planDesignNoteCreate({ ...NOTE, supersedes: old.id }, { superseded: old }, 'bob', T0)
    const note = plan.result
    t.same(
      plan.changes.map((c) => [c.op, c.op === 'insert' ? c.row.id : c.before.id]),
      [
        ['insert', note.id],
        ['update', old.id],
      ],
    )
    t.match(plan.changes[1], {
      row: { ...old, supersededBy: note.id, status: 'superseded', version: old.version + 1 },
    })
    t.same(
      plan.audit.map((e) => [e.entity, e.action, e.entityId]),
      [
        ['design_note', 'create', note.id],
        ['design_note', 'supersede', old.id],
      ],
    )
    t.same(plan.audit[1]?.diff, {
      supersededBy: [null, note.id],
      status: ['accepted', 'superseded'],
      version: [1, 2],
    })
  },
)

t.test('supersede refuses an unknown note and a superseded one', async (t) => {
  t.throws(
    () => planDesignNoteCreate({ ...NOTE, supersedes: GONE }, { superseded: undefined }, 'bob', T0),
    referenceNotFound('supersedes', GONE),
  )
  const old = { ...newDesignNote(NOTE, 'ada', T0), supersededBy: GONE }
  t.throws(
    () => planDesignNoteCreate({ ...NOTE, supersedes: old.id }, { superseded: old }, 'bob', T0),
    alreadySuperseded(old.id, GONE),
  )
})
