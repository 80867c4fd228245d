// The OpenAPI document clients generate from: valid OpenAPI 3.1, paths as users call them, only operations a
// client can use, every one of them written down in docs/API.md (and nothing else there), and the
// Content-Security-Policy of the docs page and of the API.
import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import t, { type Test } from 'tap'
import { DOCS_INLINE_STYLE } from '../../src/http/openapi.js'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

interface Operation {
  operationId?: string
  summary?: string
  responses: Record<string, unknown>
}

async function openapiDocument(t: Test) {
  const app = await build(t, memory)
  const res = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(res.statusCode, 200)
  return res.json() as { openapi: string; paths: Record<string, Record<string, Operation>> }
}

/** `GET /tasks/{id}` for every operation of the document. */
const operations = (doc: Awaited<ReturnType<typeof openapiDocument>>) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  )

t.test('the document is valid OpenAPI 3.1', async (t) => {
  const doc = await openapiDocument(t)
  const validator = new Validator()
  const result = await validator.validate(doc)
  t.same(result.errors, undefined, 'no schema errors')
  t.ok(result.valid)
  t.equal(validator.version, '3.1')
})

t.test('paths are the ones users call, and every operation is one a client can use', async (t) => {
  const doc = await openapiDocument(t)
  t.same(
    Object.keys(doc.paths).filter((path) => path !== '/' && path.endsWith('/')),
    [],
    'no trailing slash',
  )
  t.ok(doc.paths['/tasks']?.post, 'POST /tasks')
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue
      const name = `${method.toUpperCase()} ${path}`
      t.ok(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        `${name} has a success answer`,
      )
      t.notOk(operation.responses['405'], `${name} is not a 405-only route`)
      t.ok(operation.operationId, `${name} has an operationId`)
    }
  }
  t.notOk(doc.paths['/status-updates/{id}']?.patch, 'the 405 routes of immutable resources are not listed')
})

t.test('docs/API.md documents exactly the operations of the document', async (t) => {
  const doc = await openapiDocument(t)
  const markdown = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8')
  // The notation: one heading per operation, `### GET /tasks/{id}`.
  const documented = [
    ...markdown.matchAll(/^#{2,4} (GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/\S*)\s*$/gm),
  ].map((match) => `${match[1]} ${match[2]}`)
  t.same([...documented].sort(), [...new Set(documented)].sort(), 'each operation once')
  t.same([...new Set(documented)].sort(), operations(doc).sort())
})

t.test('Content-Security-Policy: strict on the API, one hashed inline style on /docs', async (t) => {
  const app = await build(t, memory)
  const api = await app.inject({ method: 'GET', url: '/tasks' })
  t.equal(
    api.headers['content-security-policy'],
    "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
  )
  const problem = await app.inject({ method: 'GET', url: '/nowhere' })
  t.equal(problem.headers['content-security-policy'], api.headers['content-security-policy'], 'errors too')

  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(docs.statusCode, 200)
  const csp = String(docs.headers['content-security-policy'])
  t.notMatch(csp, /unsafe-inline|unsafe-eval|https:/, 'no blanket allowance')
  t.match(csp, /script-src 'self'(;|$)/)
  t.match(csp, /style-src 'self' 'sha256-RL3ie0nH\+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='(;|$)/)
  for (const asset of ['/docs/static/swagger-initializer.js', '/docs/json']) {
    const res = await app.inject({ method: 'GET', url: asset })
    t.equal(res.statusCode, 200, asset)
    t.equal(res.headers['content-security-policy'], csp, `${asset} has the docs policy`)
  }
  // The hash is of the <style> inside the logo that swagger-ui's standalone preset renders; an upgrade that
  // changes it would bring back the console error, so the served preset must still contain it verbatim.
  const preset = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-standalone-preset.js' })
  t.equal(preset.statusCode, 200)
  t.ok(preset.body.includes(DOCS_INLINE_STYLE), 'the hashed style is the one the preset applies')
})
