import t from 'tap'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

for (const backend of backends) {
  t.test(`${backend.name}: 50 concurrent PATCHes holding one version: one 200, the rest 412`, async (t) => {
    const app = await build(t, backend)
    const { id } = (
      await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'contended' } })
    ).json()
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.inject({
          method: 'PATCH',
          url: `/tasks/${id}`,
          headers: { 'if-match': '"1"', 'x-actor': `writer-${i}` },
          payload: { title: `by writer ${i}` },
        }),
      ),
    )
    const statuses = answers.map((a) => a.statusCode)
    t.equal(statuses.filter((s) => s === 200).length, 1)
    t.equal(statuses.filter((s) => s === 412).length, 49)
    const winner = answers.find((a) => a.statusCode === 200)?.json()
    t.equal(winner.version, 2)
    const updates = (
      await app.inject({ method: 'GET', url: `/audit-entries?entityId=${id}&action=update` })
    ).json()
    t.equal(updates.items.length, 1, 'exactly one audit entry for the race')
    t.same(updates.items[0].diff.title, ['contended', winner.title])
  })
}
