import t from 'tap'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'

for (const backend of backends) {
  t.test(`${backend.name}: bad input is rejected at the edge with problem+json`, async (t) => {
    const app = await build(t, backend)
    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/tasks', payload: payload as string, headers })

    const cases: [string, unknown, string][] = [
      ['unknown field', { title: 'a', owner: 'x' }, '/body/owner'],
      ['wrong type', { title: 42 }, '/body/title'],
      ['empty string', { title: '' }, '/body/title'],
      ['blank string', { title: '   ' }, '/body/title'],
      ['NUL character', { title: 'a\u0000b' }, '/body/title'],
      ['over-long string', { title: 'x'.repeat(201) }, '/body/title'],
      ['bad enum', { title: 'a', status: 'finished' }, '/body/status'],
      ['missing field', { status: 'todo' }, '/body/title'],
      ['NUL in an array item', { title: 'a', assignees: ['\u0000'] }, '/body/assignees/0'],
      ['null title', { title: null }, '/body/title'],
    ]
    for (const [name, payload, path] of cases) {
      const res = await post(payload)
      t.equal(res.statusCode, 400, name)
      t.match(res.headers['content-type'], /^application\/problem\+json/, name)
      const body = res.json()
      t.match(
        body,
        { type: String, title: String, status: 400, detail: String, code: 'VALIDATION_FAILED' },
        name,
      )
      t.ok(
        body.errors.some((e: { path: string }) => e.path === path),
        `${name} names ${path}`,
      )
    }
    t.equal((await app.inject({ method: 'GET', url: '/tasks' })).json().items.length, 0, 'nothing was stored')
    t.equal(
      (await app.inject({ method: 'GET', url: '/audit-entries' })).json().items.length,
      0,
      'nothing was audited',
    )

    const malformed = await post('{"title":', { 'content-type': 'application/json' })
    t.equal(malformed.statusCode, 400)
    t.equal(malformed.json().code, 'VALIDATION_FAILED')

    const text = await post('title=a', { 'content-type': 'text/plain' })
    t.equal(text.statusCode, 415)
    t.equal(text.json().code, 'UNSUPPORTED_MEDIA_TYPE')
    t.equal((await post('<a/>', { 'content-type': 'application/xml' })).statusCode, 415)

    const huge = await post(JSON.stringify({ title: 'a', rationale: 'x'.repeat(1024 * 1024) }), {
      'content-type': 'application/json',
    })
    t.equal(huge.statusCode, 413)
    t.equal(huge.json().code, 'PAYLOAD_TOO_LARGE')

    const route = await app.inject({ method: 'GET', url: '/nowhere' })
    t.equal(route.statusCode, 404)
    t.equal(route.json().code, 'NOT_FOUND')

    const badActor = await post({ title: 'a' }, { 'x-actor': 'a\u0001b' })
    t.equal(badActor.statusCode, 400)
    const longActor = await post({ title: 'a' }, { 'x-actor': 'a'.repeat(201) })
    t.equal(longActor.statusCode, 400)
  })
}

t.test('a failing audit write leaves the entity unchanged and answers 500 without internals', async (t) => {
  const failing = {
    append() {
      throw new Error('disk on fire at /var/lib/trail/audit: INSERT INTO audit_entries')
    },
    entries: () => [],
    removeOldest: () => 0,
  }
  const app = await build(t, memory, { repos: createMemoryRepos({ auditLog: failing }) })
  const res = await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })
  t.equal(res.statusCode, 500)
  t.same(Object.keys(res.json()).sort(), ['code', 'detail', 'status', 'title', 'type'])
  t.equal(res.json().code, 'INTERNAL')
  t.notMatch(res.body, /fire|\/var|INSERT|at .*\.ts/)
  t.equal((await app.inject({ method: 'GET', url: '/tasks' })).json().items.length, 0)
})

t.test('OpenAPI 3.1 document and docs UI', async (t) => {
  const app = await build(t, memory)
  const res = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.equal(doc.openapi, '3.1.0')
  for (const path of [
    '/tasks',
    '/tasks/{id}',
    '/bugs/{id}',
    '/status-updates',
    '/design-notes',
    '/audit-entries',
    '/health',
  ]) {
    t.ok(doc.paths[path], path)
  }
  t.ok(doc.paths['/tasks/{id}'].patch.responses['412'], 'error responses are documented')
  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(docs.statusCode, 200)
  t.match(docs.headers['content-type'], /text\/html/)
})
