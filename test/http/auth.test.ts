// API tokens and roles, on every backend: a route × role matrix built from the registered routes, the
// actor from the token, refused tokens, no secret stored or logged, and the failed-authentication limit.
import { PassThrough } from 'node:stream'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { allows } from '../../src/auth/roles.js'
import { ROLES, type Role } from '../../src/auth/schemas.js'
import { TOKEN_RECHECK_MS } from '../../src/auth/token-cache.js'
import { hashSecret, newSecret } from '../../src/auth/tokens.js'
import { loadConfig } from '../../src/config.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { eventually } from '../eventually.js'
import { noteBody, tokenFor } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'

const auditCount = async (app: TestApp) =>
  (await app.repos.audit.list({ filter: {}, limit: 200 })).items.length

for (const backend of backends) {
  t.test(
    `${backend.name}: every registered route declares a role, and each role gets exactly what it allows`,
    async (t) => {
      const app = await build(t, backend)
      const undeclared = app.routeAccess.filter((route) => route.access === undefined)
      t.same(undeclared, [], 'a new route declares its role in its config')

      const tokens = Object.fromEntries(
        await Promise.all(ROLES.map(async (role) => [role, await tokenFor(app, role)])),
      )
      const admin = tokens.admin.headers
      const task = (
        await app.inject({ method: 'POST', url: '/tasks', headers: admin, payload: { title: 't' } })
      ).json()
      const bug = (
        await app.inject({
          method: 'POST',
          url: '/bugs',
          headers: admin,
          payload: { title: 'b', severity: 'low' },
        })
      ).json()
      const update = (
        await app.inject({
          method: 'POST',
          url: '/status-updates',
          headers: admin,
          payload: { message: 'm' },
        })
      ).json()
      const note = (
        await app.inject({ method: 'POST', url: '/design-notes', headers: admin, payload: noteBody('n') })
      ).json()
      const entry = (
        await app.inject({ method: 'GET', url: '/audit-entries?limit=1', headers: admin })
      ).json().items[0]
      const ids: Record<string, string> = {
        tasks: task.id,
        bugs: bug.id,
        'status-updates': update.id,
        'design-notes': note.id,
        'audit-entries': entry.id,
      }
      const bodies: Record<string, object> = {
        'POST /tasks': { title: 'by role' },
        'POST /bugs': { title: 'by role', severity: 'low' },
        'POST /status-updates': { message: 'by role' },
        'POST /design-notes': noteBody('n'),
        'PATCH /tasks/:id': { title: 'changed', version: 999 },
        'PATCH /bugs/:id': { title: 'changed', version: 999 },
        'POST /tasks/:id/restore': { version: 1 },
        'POST /bugs/:id/restore': { version: 1 },
      }
      const routes = app.routeAccess.filter((r) => r.access !== 'public' && r.method !== 'HEAD')
      t.ok(routes.length >= 25, `${routes.length} protected routes`)
      for (const route of routes) {
        const resource = route.url.split('/')[1] as string
        const url = route.url.replace(':id', ids[resource] ?? '').replace(/\/$/, '')
        const key = `${route.method} ${route.url.replace(/\/$/, '')}`
        // A stream never ends: a query refused after the role check (a 400) shows the access instead.
        const query =
          key === 'GET /events'
            ? '?after=-1'
            : route.method === 'DELETE' && /tasks|bugs/.test(url)
              ? '?version=999'
              : ''
        for (const role of ROLES) {
          const before = await auditCount(app)
          const res = await app.inject({
            method: route.method as 'GET',
            url: `${url}${query}`,
            // A restore with If-Match restores a live version; without it, it is an undelete (checked below).
            headers: route.undeleteAccess
              ? { ...tokens[role].headers, 'if-match': '"999"' }
              : tokens[role].headers,
            ...(bodies[key] ? { payload: bodies[key] } : {}),
          })
          if (allows(role, route.access)) {
            t.not(res.statusCode, 403, `${role} may ${key}`)
            t.not(res.statusCode, 401, `${role} is authenticated for ${key}`)
          } else {
            t.equal(res.statusCode, 403, `${role} may not ${key}`)
            t.equal(res.json().code, 'FORBIDDEN')
            t.equal(await auditCount(app), before, `${role}'s refused ${key} wrote nothing`)
          }
        }
      }
      // An undelete (a restore without If-Match) needs the role the route declares for it: the one that deletes.
      const undeletes = routes.filter((route) => route.undeleteAccess !== undefined)
      t.same(
        undeletes.map((route) => [route.url, route.undeleteAccess]),
        [
          ['/tasks/:id/restore', 'maintainer'],
          ['/bugs/:id/restore', 'maintainer'],
        ],
      )
      for (const route of undeletes) {
        const resource = route.url.split('/')[1] as string
        const url = route.url.replace(':id', ids[resource] ?? '')
        const live = await app.inject({ method: 'GET', url: `/${resource}/${ids[resource]}`, headers: admin })
        const version = live.json().version
        await app.inject({
          method: 'DELETE',
          url: `/${resource}/${ids[resource]}?version=${version}`,
          headers: admin,
        })
        for (const role of ROLES) {
          const before = await auditCount(app)
          const res = await app.inject({
            method: 'POST',
            url,
            headers: tokens[role].headers,
            payload: { version: 1 },
          })
          if (allows(role, route.undeleteAccess as Role)) {
            t.not(res.statusCode, 403, `${role} may undelete through ${route.url}`)
          } else {
            t.equal(res.statusCode, 403, `${role} may not undelete through ${route.url}`)
            t.equal(await auditCount(app), before, `${role}'s refused undelete wrote nothing`)
          }
        }
      }

      for (const url of ['/health', '/openapi.json', '/docs']) {
        t.equal((await app.inject({ method: 'GET', url })).statusCode, 200, `${url} stays open`)
      }
      const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
      t.match(doc.paths['/audit-entries'].get.description, /Needs the maintainer role/)
      t.match(doc.paths['/tasks/{id}'].delete.description, /Needs the maintainer role/)
      t.match(
        doc.paths['/tasks/{id}/restore'].post.description,
        /Undeleting \(no If-Match\) needs the maintainer role/,
      )
      t.same(doc.paths['/tasks'].post.security, [{ bearerAuth: [] }])
    },
  )

  t.test(`${backend.name}: the token names the actor, whatever X-Actor says`, async (t) => {
    const app = await build(t, backend)
    const { headers } = await tokenFor(app, 'contributor', { actor: 'real-name' })
    const res = await app.inject({
      method: 'POST',
      url: '/status-updates',
      headers: { ...headers, 'x-actor': 'someone-else' },
      payload: { message: 'who wrote this?' },
    })
    t.equal(res.statusCode, 201)
    t.equal(res.json().actor, 'real-name')
    const [entry] = (await app.repos.audit.list({ filter: {}, limit: 1 })).items
    t.equal(entry?.actor, 'real-name')
  })

  t.test(
    `${backend.name}: missing, unknown, revoked and expired tokens get 401 with WWW-Authenticate`,
    async (t) => {
      const log = new PassThrough()
      let logged = ''
      log.on('data', (chunk) => {
        logged += chunk
      })
      const app = await build(t, backend, { log })
      const valid = await tokenFor(app, 'admin')
      const revoked = await tokenFor(app, 'admin')
      await app.repos.tokens.revoke(revoked.token.id, new Date().toISOString())
      const expired = await tokenFor(app, 'admin', { expiresAt: '2020-01-01T00:00:00.000Z' })
      const cases: [string, Record<string, string>][] = [
        ['missing', {}],
        ['not bearer', { authorization: `Basic ${valid.secret}` }],
        ['unknown', { authorization: `Bearer ${newSecret()}` }],
        ['revoked', revoked.headers],
        ['expired', expired.headers],
      ]
      for (const [name, headers] of cases) {
        const res = await app.inject({ method: 'POST', url: '/tasks', headers, payload: { title: name } })
        t.equal(res.statusCode, 401, name)
        t.equal(res.json().code, 'UNAUTHORIZED', name)
        t.equal(res.headers['www-authenticate'], 'Bearer realm="trail"', name)
      }
      t.equal(await auditCount(app), 0, 'nothing was written')
      const ok = await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: valid.headers,
        payload: { title: 'ok' },
      })
      t.equal(ok.statusCode, 201)
      t.ok(
        (await app.repos.tokens.findBySecretHash(hashSecret(valid.secret)))?.lastUsedAt,
        'last use is recorded',
      )
      for (const secret of [valid.secret, revoked.secret, expired.secret]) {
        t.notOk(logged.includes(secret), 'no secret in the log')
        t.notOk(
          JSON.stringify(await app.repos.tokens.list()).includes(secret),
          'no secret in the token store',
        )
      }
      t.match(logged, /incoming request/, 'the log did see every request')
    },
  )

  t.test(`${backend.name}: repeated bad tokens get 429 with Retry-After, and the limit resets`, async (t) => {
    const app = await build(t, backend, { env: { AUTH_FAILURE_LIMIT: '3', RATE_LIMIT_WINDOW_MS: '300' } })
    const { headers } = await tokenFor(app, 'viewer')
    const bad = { authorization: `Bearer ${newSecret()}` }
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push((await app.inject({ method: 'GET', url: '/tasks', headers: bad })).statusCode)
    t.same(statuses, [401, 401, 401, 429, 429])
    const limited = await app.inject({ method: 'GET', url: '/tasks', headers: bad })
    t.equal(limited.json().code, 'RATE_LIMITED')
    t.ok(Number(limited.headers['retry-after']) >= 1)
    t.equal(
      (await app.inject({ method: 'GET', url: '/tasks', headers })).statusCode,
      200,
      'a good token still works',
    )
    // The window is 300 ms: ask again until the budget is back.
    let status = 429
    await eventually(
      async () => {
        status = (await app.inject({ method: 'GET', url: '/tasks', headers: bad })).statusCode
        return status !== 429
      },
      'the rate limit window to pass',
      { intervalMs: 100 },
    )
    t.equal(status, 401, 'after the window, a bad token is back to 401')
  })

  t.test(`${backend.name}: open mode until the first token exists`, async (t) => {
    let now = Date.now()
    const app = await build(t, backend, { clock: () => now })
    const open = await app.inject({
      method: 'POST',
      url: '/tasks',
      headers: { 'x-actor': 'ada' },
      payload: { title: 'a' },
    })
    t.equal(open.statusCode, 201)
    t.equal((await app.repos.audit.list({ filter: {}, limit: 1 })).items[0]?.actor, 'ada')
    await tokenFor(app, 'viewer')
    // A token created beside the running service (the CLI) takes effect once the open-mode answer is read
    // again, TOKEN_RECHECK_MS after the last read.
    now += TOKEN_RECHECK_MS
    const refused = await app.inject({ method: 'GET', url: '/tasks', headers: { 'x-actor': 'ada' } })
    t.equal(refused.statusCode, 401, 'after the first token, anonymous requests are refused')
    const anonymous = await app.inject({
      method: 'POST',
      url: '/tasks',
      headers: { 'x-actor': 'ada' },
      payload: { title: 'b' },
    })
    t.equal(anonymous.statusCode, 401)
    t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
  })

  t.test(
    `${backend.name}: a token revoked or cut short elsewhere is refused within TOKEN_RECHECK_MS; expiry at once`,
    async (t) => {
      let now = Date.now()
      const app = await build(t, backend, { clock: () => now })
      const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/tasks', headers })
      const revoked = await tokenFor(app, 'viewer')
      const expiring = await tokenFor(app, 'viewer', { expiresAt: new Date(now + 500).toISOString() })
      t.equal((await get(revoked.headers)).statusCode, 200)
      t.equal((await get(expiring.headers)).statusCode, 200)
      // As the CLI or another instance would: the database changes under the running server.
      await app.repos.tokens.revoke(revoked.token.id, new Date(now).toISOString())
      now += TOKEN_RECHECK_MS
      const refused = await get(revoked.headers)
      t.equal(refused.statusCode, 401, 'the revoke reached the server within the bound')
      t.match(refused.json(), { detail: 'The token was revoked' })
      // The expiry was remembered with the token, and is judged against the clock on every request.
      const expired = await get(expiring.headers)
      t.equal(expired.statusCode, 401)
      t.match(expired.json(), { detail: 'The token expired' })
      // A token created meanwhile works at once: unknown secrets are never remembered.
      t.equal((await get((await tokenFor(app, 'viewer')).headers)).statusCode, 200)
    },
  )

  t.test(`${backend.name}: the request budget per token`, async (t) => {
    const app = await build(t, backend, { env: { RATE_LIMIT_MAX: '3' } })
    const one = await tokenFor(app, 'viewer')
    const two = await tokenFor(app, 'viewer')
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await app.inject({ method: 'GET', url: '/tasks', headers: one.headers })).statusCode)
    t.same(statuses, [200, 200, 200, 429])
    t.equal(
      (await app.inject({ method: 'GET', url: '/tasks', headers: two.headers })).statusCode,
      200,
      'another token has its own',
    )
    t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'health is never limited')
  })
}

t.test('a route that declares no role stops start-up', async (t) => {
  const app = await buildApp(loadConfig({ PERSISTENCE: 'memory', LOG_LEVEL: 'silent' }), {
    repos: await memory.open(t),
  })
  t.teardown(() => app.close())
  t.throws(() => app.get('/undeclared', async () => 'open?'), /GET \/undeclared declares no access/)
  t.throws(() => app.get('/undeclared-too', { config: {} }, async () => 'open?'), /declares no access/)
})

t.test('security headers, and CORS only for listed origins', async (t) => {
  const plain = await build(t, memory)
  const res = await plain.inject({
    method: 'GET',
    url: '/tasks',
    headers: { origin: 'https://evil.example' },
  })
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.equal(res.headers['access-control-allow-origin'], undefined)
  const withCors = await build(t, memory, { env: { CORS_ORIGINS: 'https://app.example' } })
  const allowed = await withCors.inject({
    method: 'GET',
    url: '/tasks',
    headers: { origin: 'https://app.example' },
  })
  t.equal(allowed.headers['access-control-allow-origin'], 'https://app.example')
  const denied = await withCors.inject({
    method: 'GET',
    url: '/tasks',
    headers: { origin: 'https://evil.example' },
  })
  t.equal(denied.headers['access-control-allow-origin'], undefined)
})
