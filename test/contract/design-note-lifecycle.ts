// The repository contract, the ADR lifecycle: every allowed and every refused status move, versions, and
// the audit entry of each transition.
import t from 'tap'
import { DESIGN_NOTE_STATUSES, type DesignNoteStatus } from '../../src/domains/design-notes/schemas.js'
import type { Repos } from '../../src/persistence/contract.js'
import type { TestBackend } from '../backends/types.js'
import { allAudit, noteBody, PAGE, rejectsWith } from '../fixtures.js'

const ALLOWED: [DesignNoteStatus, DesignNoteStatus][] = [
  ['proposed', 'accepted'],
  ['proposed', 'rejected'],
  ['accepted', 'deprecated'],
]

/** A note at `status`, reached the way a client would reach it. */
async function noteAt(repos: Repos, status: DesignNoteStatus) {
  const initial = status === 'proposed' || status === 'rejected' ? 'proposed' : 'accepted'
  const note = await repos.designNotes.create({ ...noteBody(`at ${status}`), status: initial }, 'ada')
  if (status === 'rejected') return repos.designNotes.update(note.id, { status }, 1, 'ada')
  if (status === 'deprecated') return repos.designNotes.update(note.id, { status }, 1, 'ada')
  if (status === 'superseded') {
    await repos.designNotes.create(noteBody('newer', note.id), 'ada')
    return (await repos.designNotes.get(note.id)) as typeof note
  }
  return note
}

export function designNoteLifecycleContract(backend: TestBackend) {
  t.test(`${backend.name}: design note lifecycle`, async (t) => {
    t.test('a note starts accepted at version 1, or proposed when asked', async (t) => {
      const repos = await backend.open(t)
      t.match(await repos.designNotes.create(noteBody('plain'), 'ada'), { status: 'accepted', version: 1 })
      t.match(await repos.designNotes.create({ ...noteBody('draft'), status: 'proposed' }, 'ada'), {
        status: 'proposed',
        version: 1,
      })
    })

    t.test('every allowed move: new status, next version, one update entry', async (t) => {
      const repos = await backend.open(t)
      for (const [from, to] of ALLOWED) {
        const note = await noteAt(repos, from)
        const moved = await repos.designNotes.update(note.id, { status: to }, note.version, 'bob')
        t.same(moved, { ...note, status: to, version: note.version + 1 }, `${from} → ${to}`)
        t.same(await repos.designNotes.get(note.id), moved)
        const [entry] = await allAudit(repos, { entityId: note.id })
        t.match(entry, {
          action: 'update',
          entity: 'design_note',
          actor: 'bob',
          diff: { status: [from, to], version: [note.version, note.version + 1] },
        })
        t.same(Object.keys(entry?.diff ?? {}).sort(), ['status', 'version'], 'nothing else changed')
      }
    })

    t.test('every other move is INVALID_TRANSITION and writes nothing', async (t) => {
      const repos = await backend.open(t)
      for (const from of DESIGN_NOTE_STATUSES) {
        const note = await noteAt(repos, from)
        for (const to of DESIGN_NOTE_STATUSES) {
          if (ALLOWED.some(([a, b]) => a === from && b === to)) continue
          const before = (await allAudit(repos)).length
          await rejectsWith(
            t,
            repos.designNotes.update(note.id, { status: to }, note.version, 'bob'),
            'INVALID_TRANSITION',
          )
          t.equal((await allAudit(repos)).length, before, `${from} → ${to} writes no entry`)
          t.same(await repos.designNotes.get(note.id), note)
        }
      }
    })

    t.test('a stale version or an unknown note is refused', async (t) => {
      const repos = await backend.open(t)
      const note = await noteAt(repos, 'proposed')
      await rejectsWith(
        t,
        repos.designNotes.update(note.id, { status: 'accepted' }, 2, 'bob'),
        'VERSION_MISMATCH',
        {
          extra: { currentVersion: 1 },
        },
      )
      await rejectsWith(
        t,
        repos.designNotes.update('0190b1d4-0000-7000-8000-000000000000', { status: 'accepted' }, 1, 'bob'),
        'NOT_FOUND',
      )
    })

    t.test('superseding sets superseded and moves the version on', async (t) => {
      const repos = await backend.open(t)
      const old = await noteAt(repos, 'proposed')
      const next = await repos.designNotes.create(noteBody('next', old.id), 'bob')
      t.match(await repos.designNotes.get(old.id), {
        status: 'superseded',
        version: 2,
        supersededBy: next.id,
      })
      const [entry] = await allAudit(repos, { entityId: old.id, action: 'supersede' })
      t.match(entry?.diff, { status: ['proposed', 'superseded'], supersededBy: [null, next.id] })
    })

    t.test('lists filter by status, and state= still works', async (t) => {
      const repos = await backend.open(t)
      const proposed = await noteAt(repos, 'proposed')
      const deprecated = await noteAt(repos, 'deprecated')
      const superseded = await noteAt(repos, 'superseded')
      const list = async (filter: object) =>
        (await repos.designNotes.list({ filter, order: 'asc', ...PAGE })).items.map((note) => note.id)
      t.same(await list({ status: 'proposed' }), [proposed.id])
      t.same(await list({ status: 'deprecated' }), [deprecated.id])
      t.same(await list({ status: 'superseded' }), [superseded.id])
      t.same(await list({ state: 'superseded' }), [superseded.id])
      t.equal((await list({ state: 'active' })).length, 3)
      t.same(await list({ state: 'active', status: 'superseded' }), [])
    })
  })
}
