// Input built to hurt: text that the backends would store differently, text that is blank to a reader,
// bodies that make thousands of validation errors, and JSON nested past any use.
import t from 'tap'
import { backends } from '../backends/index.js'
import { build, type TestApp } from '../helper.js'

const post = (app: TestApp, url: string, payload: string) =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } })

for (const backend of backends) {
  t.test(
    `${backend.name}: text must be well-formed and not blank, in bodies and query strings`,
    async (t) => {
      const app = await build(t, backend)
      const refused: [string, string, string][] = [
        // JSON.stringify writes a lone surrogate as a \ud800 escape, which JSON.parse turns back into one.
        ['lone surrogates', JSON.stringify({ title: '\ud800'.repeat(200) }), '/body/title'],
        ['a lone low surrogate', JSON.stringify({ title: 'a\udc00b' }), '/body/title'],
        [
          'a lone surrogate in an array',
          JSON.stringify({ title: 'a', assignees: ['x\ud83d'] }),
          '/body/assignees/0',
        ],
        ['a zero-width space only', JSON.stringify({ title: '\u200b' }), '/body/title'],
        ['a combining mark only', JSON.stringify({ title: '\u0301\u0301' }), '/body/title'],
        [
          'invisible and white space',
          JSON.stringify({ title: ' \u2060\ufeff\u00ad\u3164\ufe0f\t' }),
          '/body/title',
        ],
      ]
      for (const [name, payload, path] of refused) {
        const res = await post(app, '/tasks', payload)
        t.equal(res.statusCode, 400, name)
        t.match(res.json().errors, [{ path, message: /blank|NUL|surrogate/ }], name)
      }
      t.equal((await app.inject('/tasks')).json().items.length, 0, 'nothing was stored')
      t.equal((await app.inject('/audit-entries')).json().items.length, 0, 'nothing was audited')

      for (const title of ['e\u0301', '😀', 'a\u200bb', '\u200b.', '👩‍👩‍👧', '😀'.repeat(200)]) {
        const res = await post(app, '/tasks', JSON.stringify({ title }))
        t.equal(res.statusCode, 201, `${JSON.stringify(title)} is text`)
        t.equal(res.json().title, title)
      }

      for (const query of ['assignee=%E2%80%8B', 'assignee=%CC%81', 'assignee=a%00', 'actor=%E2%80%8B%20']) {
        const url = query.startsWith('actor') ? `/audit-entries?${query}` : `/tasks?${query}`
        const res = await app.inject(url)
        t.equal(res.statusCode, 400, query)
        t.match(res.json().errors, [{ path: /^\/querystring\// }], query)
      }
    },
  )

  t.test(`${backend.name}: a 400 stays small whatever the body holds`, async (t) => {
    const app = await build(t, backend)
    // 340,000 bad items in a 1 MiB body: once a 60 MB answer and 5.7 s of CPU.
    const items = `[${Array.from({ length: 340_000 }, () => '0').join(',')}]`
    const huge = await post(app, '/tasks', `{"title":"a","assignees":${items}}`)
    t.equal(huge.statusCode, 400)
    t.ok(huge.payload.length < 4096, `the answer is ${huge.payload.length} bytes`)
    t.ok(huge.json().errors.length <= 20)

    // A small body is checked for every error, and at most 20 are reported.
    const fields = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown${i}`, i]))
    const many = (await post(app, '/tasks', JSON.stringify(fields))).json()
    t.equal(many.errors.length, 20, 'at most 20 errors')
    t.ok(
      many.errors.some((e: { path: string }) => e.path === '/body/title'),
      'the missing title is among them',
    )
    const two = (await post(app, '/tasks', JSON.stringify({ title: '', owner: 'x' }))).json()
    t.same([...new Set(two.errors.map((e: { path: string }) => e.path))].sort(), [
      '/body/owner',
      '/body/title',
    ])

    // A client's own field names come back in paths, cut short.
    const long = (await post(app, '/tasks', JSON.stringify({ title: 'a', ['k'.repeat(100_000)]: 1 }))).json()
    t.equal(long.errors.length, 1)
    t.ok(long.errors[0].path.length <= 200, 'the path is cut')
    t.ok(JSON.stringify(long).length < 1024)
  })

  t.test(`${backend.name}: bodies nest at most 32 levels`, async (t) => {
    const app = await build(t, backend)
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
    const deep = await post(app, '/tasks', `{"title":"a","x":${nested(31)}}`)
    t.equal(deep.statusCode, 400)
    t.match(deep.json().detail, /does not match the schema/, '32 levels in all reach the schema')
    t.match(deep.json().errors, [{ path: '/body/x', message: 'unknown field' }])

    const deeper = await post(app, '/tasks', `{"title":"a","x":${nested(32)}}`)
    t.equal(deeper.statusCode, 400)
    t.equal(deeper.json().code, 'VALIDATION_FAILED')
    t.match(deeper.json().detail, /more than 32 levels/)

    // Brackets inside strings are text, not nesting.
    const inString = await post(app, '/tasks', JSON.stringify({ title: `${'['.repeat(100)}\\"{` }))
    t.equal(inString.statusCode, 201)

    const million = await post(app, '/tasks', '['.repeat(1_000_000))
    t.equal(million.statusCode, 400)
    t.match(million.json().detail, /more than 32 levels/)
    t.equal((await app.inject('/audit-entries')).json().items.length, 1, 'only the valid task was written')
  })
}
