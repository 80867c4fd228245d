// The repository contract, status updates: create, get, and newest-first lists by task, actor and since.
import t from 'tap'
import type { CreatedKey } from '../../src/core/paging.js'
import type { TestBackend } from '../backends/types.js'
import { allAudit, PAGE, rejectsWith, UNKNOWN_ID } from '../fixtures.js'

export function statusUpdatesContract(backend: TestBackend) {
  t.test(`${backend.name}: status updates`, async (t) => {
    t.test('create, get, and list newest first by task, actor and since', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      const a = await repos.statusUpdates.create({ message: 'one', taskId: task.id }, 'ada')
      const b = await repos.statusUpdates.create({ message: 'two' }, 'bob')
      const c = await repos.statusUpdates.create({ message: 'three', taskId: task.id }, 'bob')
      t.match(a, { actor: 'ada', taskId: task.id, message: 'one' })
      t.equal(b.taskId, null)
      t.same(await repos.statusUpdates.get(c.id), c)
      const messages = async (filter: object) =>
        (await repos.statusUpdates.list({ filter, ...PAGE })).items.map((u) => u.message)
      t.same(await messages({}), ['three', 'two', 'one'])
      t.same(await messages({ taskId: task.id }), ['three', 'one'])
      t.same(await messages({ actor: 'bob' }), ['three', 'two'])
      const sinceC = (await repos.statusUpdates.list({ filter: { since: c.createdAt }, ...PAGE })).items
      t.equal(sinceC[0]?.id, c.id, 'since includes its own instant')
      t.ok(
        sinceC.every((u) => u.createdAt >= c.createdAt),
        'since excludes earlier updates',
      )
      t.same(await messages({ since: '2999-01-01T00:00:00.000Z' }), [])
      await rejectsWith(
        t,
        repos.statusUpdates.create({ message: 'x', taskId: UNKNOWN_ID }, 'ada'),
        'REFERENCE_NOT_FOUND',
      )
      t.same(
        (await allAudit(repos, { entity: 'status_update' })).map((e) => e.entityId),
        [c.id, b.id, a.id],
      )
    })

    t.test('pages through many updates without gaps or repeats', async (t) => {
      const repos = await backend.open(t)
      const ids = []
      for (let i = 0; i < 25; i++)
        ids.push((await repos.statusUpdates.create({ message: `m${i}` }, 'ada')).id)
      const seen: string[] = []
      let after: CreatedKey | undefined
      do {
        const page = await repos.statusUpdates.list({ filter: {}, limit: 4, after })
        seen.push(...page.items.map((u) => u.id))
        after = page.next ?? undefined
      } while (after)
      t.same(seen, ids.reverse())
    })
  })
}
