// The repository contract, design notes: supersede (atomic, once), and lists in either order by state.
import t from 'tap'
import type { CreatedKey } from '../../src/core/paging.js'
import type { TestBackend } from '../backends/types.js'
import { allAudit, noteBody, PAGE, rejectsWith, UNKNOWN_ID } from '../fixtures.js'

export function designNotesContract(backend: TestBackend) {
  t.test(`${backend.name}: design notes`, async (t) => {
    t.test('supersede writes both notes and two audit entries atomically', async (t) => {
      const repos = await backend.open(t)
      const first = await repos.designNotes.create(noteBody('Use SQLite'), 'ada')
      t.match(first, { actor: 'ada', supersededBy: null, title: 'Use SQLite' })
      const second = await repos.designNotes.create(noteBody('Use PostgreSQL', first.id), 'bob')
      t.equal(second.supersededBy, null)
      t.equal((await repos.designNotes.get(first.id))?.supersededBy, second.id)
      const entries = await allAudit(repos)
      t.match(entries[0], {
        action: 'supersede',
        entityId: first.id,
        actor: 'bob',
        diff: { supersededBy: [null, second.id] },
      })
      t.match(entries[1], { action: 'create', entityId: second.id })

      await rejectsWith(t, repos.designNotes.create(noteBody('again', first.id), 'bob'), 'ALREADY_SUPERSEDED')
      await rejectsWith(
        t,
        repos.designNotes.create(noteBody('ghost', UNKNOWN_ID), 'bob'),
        'REFERENCE_NOT_FOUND',
      )
      t.equal(
        (await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE })).items.length,
        2,
        'nothing written',
      )
      t.equal((await allAudit(repos)).length, 3)
    })

    t.test('concurrent supersedes of one note: one wins', async (t) => {
      const repos = await backend.open(t)
      const old = await repos.designNotes.create(noteBody('old'), 'ada')
      const results = await Promise.allSettled([
        repos.designNotes.create(noteBody('a', old.id), 'ada'),
        repos.designNotes.create(noteBody('b', old.id), 'bob'),
      ])
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      t.match(
        results.find((r) => r.status === 'rejected'),
        { reason: { code: 'ALREADY_SUPERSEDED' } },
      )
      t.equal((await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE })).items.length, 2)
    })

    t.test('lists oldest first by default, newest first on request, filtered by state', async (t) => {
      const repos = await backend.open(t)
      const a = await repos.designNotes.create(noteBody('a'), 'ada')
      await repos.designNotes.create(noteBody('b'), 'ada')
      await repos.designNotes.create(noteBody('c', a.id), 'ada')
      const titles = async (request: object) =>
        (await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE, ...request })).items.map(
          (n) => n.title,
        )
      t.same(await titles({}), ['a', 'b', 'c'])
      t.same(await titles({ order: 'desc' }), ['c', 'b', 'a'])
      t.same(await titles({ filter: { state: 'active' } }), ['b', 'c'])
      t.same(await titles({ filter: { state: 'superseded' } }), ['a'])
      const page = await repos.designNotes.list({ filter: {}, order: 'asc', limit: 2 })
      t.same(
        (
          await repos.designNotes.list({ filter: {}, order: 'asc', limit: 2, after: page.next as CreatedKey })
        ).items.map((n) => n.title),
        ['c'],
      )
    })
  })
}
