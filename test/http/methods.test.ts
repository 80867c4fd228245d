// Methods and paths on every backend: a known path answers 405 problem+json with `Allow` for any method it
// does not support (404 stays for unknown paths), `/tasks/` answers as `/tasks` does, and CORS preflights
// are still answered by @fastify/cors, before authentication.
import t from 'tap'
import { hashSecret, newSecret } from '../../src/auth/tokens.js'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

const SOME_ID = '01a217af-0000-7000-8000-000000000000'
const READ = 'GET, HEAD'
/** What each known path supports, in the order of `Allow`. */
const ALLOW: Record<string, string> = {
  '/': READ,
  '/health': READ,
  '/me': READ,
  '/ui': READ,
  '/openapi.json': READ,
  '/docs': READ,
  '/docs/json': READ,
  '/docs/yaml': READ,
  '/docs/static/index.html': READ,
  '/docs/static/swagger-initializer.js': READ,
  '/tasks': 'GET, HEAD, POST',
  '/tasks/:id': 'GET, HEAD, DELETE, PATCH',
  '/bugs': 'GET, HEAD, POST',
  '/bugs/:id': 'GET, HEAD, DELETE, PATCH',
  '/tasks/:id/versions': READ,
  '/tasks/:id/versions/:n': READ,
  '/tasks/:id/restore': 'POST',
  '/bugs/:id/versions': READ,
  '/bugs/:id/versions/:n': READ,
  '/bugs/:id/restore': 'POST',
  '/status-updates': 'GET, HEAD, POST',
  '/status-updates/:id': READ,
  '/design-notes': 'GET, HEAD, POST',
  '/design-notes/:id': 'GET, HEAD, PATCH',
  '/search': READ,
  '/audit-entries': READ,
  '/audit-entries/:id': READ,
  '/audit-entries/head': READ,
  '/webhooks': 'GET, HEAD, POST',
  '/webhooks/:id': 'GET, HEAD, DELETE, PATCH',
  '/webhooks/:id/rotate-secret': 'POST',
  '/webhooks/:id/deliveries': READ,
  '/webhooks/:id/deliveries/:deliveryId/redeliver': 'POST',
  // A stream has no HEAD: it would never end.
  '/events': 'GET',
}

for (const backend of backends) {
  t.test(`${backend.name}: every unsupported method on a known path is 405 with Allow`, async (t) => {
    const app = await build(t, backend)
    const paths = new Set(app.routeAccess.map((route) => route.url).filter((url) => !url.includes('*')))
    t.same([...paths].sort(), Object.keys(ALLOW).sort(), 'every known path is listed here')
    for (const [url, allow] of Object.entries(ALLOW)) {
      const methods = allow.split(', ')
      for (const method of app.supportedMethods.filter((m) => !methods.includes(m))) {
        const res = await app.inject({
          method: method as 'GET',
          url: url.replace(':id', SOME_ID).replace(':deliveryId', SOME_ID),
        })
        t.equal(res.statusCode, 405, `${method} ${url}`)
        t.equal(res.headers.allow, allow, `${method} ${url}: Allow`)
        t.match(res.headers['content-type'], /^application\/problem\+json/)
        // A HEAD answer has no body (HEAD is refused where GET is: POST-only paths such as restore and rotate-secret, and /events).
        if (method !== 'HEAD') t.equal(res.json().code, 'METHOD_NOT_ALLOWED')
      }
    }
    const refused = await app.inject({ method: 'PATCH', url: `/status-updates/${SOME_ID}`, payload: {} })
    t.match(refused.json(), {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      detail: 'PATCH is not supported here; allowed methods: GET, HEAD',
    })
    const unknown = await app.inject({ method: 'PUT', url: '/nowhere' })
    t.equal(unknown.statusCode, 404, 'an unknown path is still 404')
    t.equal(unknown.json().code, 'NOT_FOUND')
  })

  t.test(`${backend.name}: a 405 does not read the body first`, async (t) => {
    const app = await build(t, backend)
    const res = await app.inject({
      method: 'POST',
      url: `/tasks/${SOME_ID}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'not json',
    })
    t.equal(res.statusCode, 405)
    t.equal(res.headers.allow, 'GET, HEAD, DELETE, PATCH')
  })

  t.test(`${backend.name}: /tasks/ answers exactly as /tasks`, async (t) => {
    const app = await build(t, backend)
    const created = await app.inject({ method: 'POST', url: '/tasks/', payload: { title: 'slash' } })
    t.equal(created.statusCode, 201)
    t.equal(created.headers.location, `/tasks/${created.json().id}`)
    const plain = await app.inject({ method: 'GET', url: '/tasks' })
    const slash = await app.inject({ method: 'GET', url: '/tasks/' })
    t.equal(slash.statusCode, 200)
    t.same(slash.json(), plain.json())
    const one = await app.inject({ method: 'GET', url: `/tasks/${created.json().id}/` })
    t.equal(one.statusCode, 200)
    t.equal(one.json().title, 'slash')
    t.equal((await app.inject({ method: 'GET', url: '/status-updates/' })).statusCode, 200)
  })

  t.test(`${backend.name}: CORS preflights still work, before authentication`, async (t) => {
    const app = await build(t, backend, { env: { CORS_ORIGINS: 'https://app.example' } })
    // Token mode: the browser sends no credentials with a preflight.
    const secret = newSecret()
    await app.repos.tokens.create({
      actor: 'ada',
      role: 'viewer',
      secretHash: hashSecret(secret),
      expiresAt: null,
    })
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: `/tasks/${SOME_ID}`,
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    })
    t.equal(preflight.statusCode, 204)
    t.equal(preflight.headers['access-control-allow-origin'], 'https://app.example')
    t.match(preflight.headers['access-control-allow-methods'], /PATCH/)
    t.match(preflight.headers['access-control-allow-methods'], /DELETE/)
    t.equal(preflight.headers['access-control-allow-headers'], 'authorization, content-type, if-match')

    const foreign = await app.inject({
      method: 'OPTIONS',
      url: '/tasks',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    t.equal(foreign.headers['access-control-allow-origin'], undefined, 'another origin is not allowed')

    // Without the preflight headers an OPTIONS is just a method the path does not have: for whoever may read.
    const plain = await app.inject({
      method: 'OPTIONS',
      url: '/tasks',
      headers: { origin: 'https://app.example', authorization: `Bearer ${secret}` },
    })
    t.equal(plain.statusCode, 405)
    t.equal(plain.headers.allow, 'GET, HEAD, POST')
    t.equal(plain.headers['access-control-allow-origin'], 'https://app.example')
  })
}
