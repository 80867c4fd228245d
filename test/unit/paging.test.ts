// toPage on its own: a page holds at most `limit` rows, and names the key of its last row only when more follow.
import t from 'tap'
import { toPage } from '../../src/core/paging.js'

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }))
const keyOf = (row: { id: string }) => ({ after: row.id })

t.test('fewer rows than the limit, or exactly the limit: one last page', async (t) => {
  t.same(toPage([], 3, keyOf), { items: [], next: null })
  t.same(toPage(rows(2), 3, keyOf), { items: rows(2), next: null })
  t.same(toPage(rows(3), 3, keyOf), { items: rows(3), next: null }, 'exactly the limit has no next page')
})

t.test('the extra row says a next page exists and is not returned', async (t) => {
  const page = toPage(rows(4), 3, keyOf)
  t.same(page.items, rows(3))
  t.same(page.next, { after: 'r2' }, 'the key of the last row returned, not of the extra one')
  t.same(toPage(rows(2), 1, keyOf), { items: [{ id: 'r0' }], next: { after: 'r0' } })
})
