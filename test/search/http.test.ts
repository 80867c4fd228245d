// /search and the design-note lifecycle over HTTP on every backend: the answers' shapes, If-Match on a
// status change, 400s for bad queries, and a fast-check fuzz of `q` that never gets a 5xx.
import fc from 'fast-check'
import t from 'tap'
import { backends } from '../backends/index.js'
import { build, type TestApp } from '../helper.js'

const note = (title: string, extra: object = {}) => ({
  title,
  context: 'Our importer is slow.',
  decision: 'Rewrite the importer in streaming style.',
  consequences: 'Memory stays flat.',
  ...extra,
})

async function post(app: TestApp, url: string, payload: object) {
  const res = await app.inject({ method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

for (const backend of backends) {
  t.test(`${backend.name}: GET /search`, async (t) => {
    const app = await build(t, backend)
    const task = await post(app, '/tasks', { title: 'Speed up importing', rationale: 'Users wait minutes' })
    const adr = await post(app, '/design-notes', note('Streaming importer'))
    await post(app, '/status-updates', { message: 'Deployed the new dashboard' })

    const search = (query: string) => app.inject({ method: 'GET', url: `/search?${query}` })
    const res = await search('q=importer')
    t.equal(res.statusCode, 200)
    t.same(
      res
        .json()
        .items.map((hit: { id: string }) => hit.id)
        .sort(),
      [task.id, adr.id].sort(),
    )
    t.match(
      res.json().items.find((hit: { id: string }) => hit.id === adr.id),
      {
        type: 'design_note',
        title: 'Streaming importer',
        createdAt: adr.createdAt,
      },
    )
    t.equal(res.json().nextCursor, null)

    const only = await search('q=importer&types=task,task')
    t.same(
      only.json().items.map((hit: { id: string }) => hit.id),
      [task.id],
    )
    t.same((await search('q=zebra')).json(), { items: [], nextCursor: null }, 'nothing found: 200, empty')

    const first = (await search('q=importer&limit=1')).json()
    t.equal(first.items.length, 1)
    const second = (await search(`q=importer&limit=1&cursor=${first.nextCursor}`)).json()
    t.equal(second.items.length, 1)
    t.not(second.items[0].id, first.items[0].id)
    t.equal(second.nextCursor, null)

    for (const [query, why] of [
      ['', 'no q'],
      ['q=', 'empty q'],
      [`q=${'a'.repeat(201)}`, 'over 200 characters'],
      ['q=%22%22%20-%20%2A', 'no word'],
      ['q=x&types=tasks', 'unknown type'],
      ['q=x&cursor=abc', 'malformed cursor'],
      [`q=x&cursor=${Buffer.from('{"offset":10001}').toString('base64url')}`, 'too deep'],
      ['q=x&sort=rank', 'unknown parameter'],
      ['q=a%00b', 'NUL'],
    ]) {
      const bad = await search(query as string)
      t.equal(bad.statusCode, 400, `${why}: 400`)
      t.equal(bad.json().code, 'VALIDATION_FAILED')
    }

    t.same(
      (await app.inject({ method: 'GET', url: '/tasks?q=importing' }))
        .json()
        .items.map((x: { id: string }) => x.id),
      [task.id],
    )
    t.equal((await app.inject({ method: 'GET', url: '/bugs?q=%21%21' })).statusCode, 400)
  })

  t.test(`${backend.name}: q never gives a 5xx (fuzz)`, async (t) => {
    const app = await build(t, backend)
    await post(app, '/tasks', { title: 'Fuzz target: "quoted" AND (grouped) OR -negated* ^col:umn NEAR/2' })
    const operatorish = fc.constantFrom(
      '"',
      "'",
      '*',
      '-',
      '+',
      '^',
      ':',
      '(',
      ')',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      '<->',
      '&',
      '|',
      '!',
      '\\',
      ' ',
      'or',
      'the',
      'é',
      '😀',
      '\u0301',
      '{',
      '}',
      '[',
      ']',
      '%',
      'NEAR/2',
      'title:',
      '\n',
    )
    const query = fc.oneof(
      fc.string({ maxLength: 210 }),
      fc
        .array(fc.oneof(operatorish, fc.string({ maxLength: 5 })), { maxLength: 30 })
        .map((parts) => parts.join('')),
    )
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/search', '/tasks', '/design-notes'), async (q, path) => {
        const res = await app.inject({ method: 'GET', url: path, query: { q } })
        return res.statusCode === 200 || (res.statusCode === 400 && res.json().code === 'VALIDATION_FAILED')
      }),
      { numRuns: 150 },
    )
    t.pass('a 200 or a 400 VALIDATION_FAILED for every generated q')
  })

  t.test(`${backend.name}: PATCH /design-notes/:id`, async (t) => {
    const app = await build(t, backend)
    const draft = await post(app, '/design-notes', note('Draft', { status: 'proposed' }))
    t.match(draft, { status: 'proposed', version: 1 })
    const patch = (id: string, payload: object, headers: Record<string, string> = {}) =>
      app.inject({ method: 'PATCH', url: `/design-notes/${id}`, payload, headers })

    t.equal((await patch(draft.id, { status: 'accepted' })).statusCode, 428, 'no If-Match: 428')
    const stale = await patch(draft.id, { status: 'accepted' }, { 'if-match': '"2"' })
    t.equal(stale.statusCode, 412)
    t.equal(stale.json().currentVersion, 1)
    t.equal((await patch(draft.id, { status: 'accepted', version: 2 })).statusCode, 409, 'stale body version')
    t.equal(
      (await patch(draft.id, { status: 'accepted', title: 'x' }, { 'if-match': '"1"' })).statusCode,
      400,
    )
    t.equal((await patch(draft.id, { status: 'maybe' }, { 'if-match': '"1"' })).statusCode, 400)

    const accepted = await patch(draft.id, { status: 'accepted' }, { 'if-match': '"1"' })
    t.equal(accepted.statusCode, 200)
    t.equal(accepted.headers.etag, '"2"')
    t.match(accepted.json(), { status: 'accepted', version: 2, title: 'Draft' })
    t.equal((await app.inject({ method: 'GET', url: `/design-notes/${draft.id}` })).headers.etag, '"2"')

    const refused = await patch(draft.id, { status: 'rejected' }, { 'if-match': '"2"' })
    t.equal(refused.statusCode, 409)
    t.match(refused.json(), {
      code: 'INVALID_TRANSITION',
      currentStatus: 'accepted',
      allowedStatuses: ['deprecated'],
    })
    t.equal((await patch(draft.id, { status: 'deprecated' }, { 'if-match': '"2"' })).statusCode, 200)

    const entries = (
      await app.inject({ method: 'GET', url: `/audit-entries?entityId=${draft.id}&action=update` })
    ).json().items
    t.same(
      entries.map((entry: { diff: { status: string[] } }) => entry.diff.status),
      [
        ['accepted', 'deprecated'],
        ['proposed', 'accepted'],
      ],
    )
    const listed = (await app.inject({ method: 'GET', url: '/design-notes?status=deprecated' })).json().items
    t.same(
      listed.map((n: { id: string }) => n.id),
      [draft.id],
    )
    t.equal(
      (await app.inject({ method: 'POST', url: '/design-notes', payload: note('x', { status: 'rejected' }) }))
        .statusCode,
      400,
      'POST may not set rejected',
    )
  })
}
