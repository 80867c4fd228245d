// GET /audit-entries/head and the chain fields every audit entry carries, on every backend.
import t from 'tap'
import { chainHash, GENESIS_HASH } from '../../src/domains/audit/chain.js'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

for (const backend of backends) {
  t.test(`${backend.name}: the chain through the API`, async (t) => {
    const app = await build(t, backend)
    const empty = await app.inject({ method: 'GET', url: '/audit-entries/head' })
    t.equal(empty.statusCode, 404, 'an empty trail has no head')
    t.match(empty.json(), { code: 'NOT_FOUND', detail: /empty/ })

    await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })
    await app.inject({ method: 'POST', url: '/status-updates', payload: { message: 'm' } })
    const entries = (await app.inject({ method: 'GET', url: '/audit-entries' })).json().items
    const [newest, oldest] = entries
    t.equal(oldest.prevHash, GENESIS_HASH)
    t.equal(newest.prevHash, oldest.hash)
    for (const entry of entries) {
      const { prevHash, hash, ...fields } = entry
      t.equal(hash, chainHash(prevHash, fields), 'anyone can recompute the hash from the API alone')
    }
    const head = await app.inject({ method: 'GET', url: '/audit-entries/head' })
    t.equal(head.statusCode, 200)
    t.same(head.json(), { seq: 2, hash: newest.hash, at: newest.at })
    const one = await app.inject({ method: 'GET', url: `/audit-entries/${newest.id}` })
    t.same(one.json(), newest)
  })
}
