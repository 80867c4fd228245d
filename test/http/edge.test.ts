// The service's edge, on every backend: the request budget counts every request before its body is read and
// every answer reports it, TRUST_PROXY decides whose address counts, times a Date cannot hold and numbers past
// 2^53 are 400s, X-Actor is UTF-8, `bearer` works in any case, and a rotated token keeps working until its
// grace period ends.
import t from 'tap'
import { TOKEN_RECHECK_MS } from '../../src/auth/token-cache.js'
import { hashSecret, newSecret } from '../../src/auth/tokens.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { tokenFor } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** A header value as Node's HTTP parser hands it over: one latin1 character per byte of the UTF-8. */
const asUtf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1')

for (const backend of backends) {
  t.test(
    `${backend.name}: invalid and unknown requests spend the budget, before the body is read`,
    async (t) => {
      const app = await build(t, backend, { env: { RATE_LIMIT_MAX: '20' } })
      const statuses: number[] = []
      for (let i = 0; i < 40 && !statuses.includes(429); i++) {
        const res =
          i % 2 === 0
            ? await app.inject({ method: 'POST', url: '/tasks', payload: { title: '' } })
            : await app.inject({ method: 'GET', url: `/no-such-thing/${i}` })
        statuses.push(res.statusCode)
      }
      t.same(statuses.slice(0, 20), [...Array.from({ length: 10 }, () => [400, 404])].flat(), '400s and 404s')
      t.equal(statuses[20], 429, 'the 21st request in the window is refused')
      // A body of 1 MiB is never parsed once the budget is spent: the answer is 429, not 400 or 413.
      const big = await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: { 'content-type': 'application/json' },
        payload: `{"title":"${'x'.repeat(1024 * 1024)}"}`,
      })
      t.equal(big.statusCode, 429)
      t.match(big.headers['content-type'], /^application\/problem\+json/)
      t.match(big.json(), { code: 'RATE_LIMITED' })
      t.ok(Number(big.headers['retry-after']) >= 1)
      t.equal(
        (await app.inject({ method: 'GET', url: '/health' })).statusCode,
        200,
        'health is never limited',
      )
      t.equal((await app.repos.audit.list({ filter: {}, limit: 10 })).items.length, 0, 'nothing was written')
    },
  )

  t.test(`${backend.name}: every answer tells the budget left, and a refusal when it is spent`, async (t) => {
    const app = await build(t, backend, { env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } })
    const budgets = []
    const resets = []
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({ method: 'GET', url: '/tasks' })
      budgets.push([res.statusCode, res.headers['x-ratelimit-limit'], res.headers['x-ratelimit-remaining']])
      resets.push(Number(res.headers['x-ratelimit-reset']))
    }
    t.same(budgets, [
      [200, '3', '2'],
      [200, '3', '1'],
      [200, '3', '0'],
      [429, '3', '0'],
    ])
    t.ok(
      resets.every((seconds) => seconds >= 1 && seconds <= 60),
      'the window ends within its 60 s',
    )
    const health = await app.inject({ method: 'GET', url: '/health' })
    t.equal(health.statusCode, 200)
    t.equal(health.headers['x-ratelimit-remaining'], undefined, 'public routes are not counted')
  })

  t.test(`${backend.name}: a token's budget is its own, and refused tokens still count`, async (t) => {
    const app = await build(t, backend, { env: { RATE_LIMIT_MAX: '3', AUTH_FAILURE_LIMIT: '100' } })
    const { secret } = await tokenFor(app, 'viewer')
    const headers = { authorization: `Bearer ${secret}` }
    const invalid = []
    for (let i = 0; i < 4; i++)
      invalid.push((await app.inject({ method: 'GET', url: '/tasks?limit=0', headers })).statusCode)
    t.same(invalid, [400, 400, 400, 429], 'a token spends its budget on 400s')
    const other = await tokenFor(app, 'viewer')
    t.equal(
      (
        await app.inject({
          method: 'GET',
          url: '/tasks',
          headers: { authorization: `Bearer ${other.secret}` },
        })
      ).statusCode,
      200,
    )
    const forged = []
    for (let i = 0; i < 4; i++)
      forged.push(
        (
          await app.inject({
            method: 'GET',
            url: '/tasks',
            headers: { authorization: 'Bearer trail_forged' },
          })
        ).statusCode,
      )
    t.same(forged, [401, 401, 401, 429], 'a forged secret spends a budget too')
  })

  t.test(`${backend.name}: times a Date cannot hold and out-of-range cursors are 400s`, async (t) => {
    const app = await build(t, backend)
    await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })
    const leap = '2016-12-31T23:59:60Z'
    const urls = [
      `/audit-entries?since=${leap}`,
      `/audit-entries?until=${leap}`,
      `/status-updates?since=${leap}`,
      `/tasks?cursor=${cursorOf({ createdAt: leap, id: '01890a5d-ac96-774b-bcce-b302099a8057' })}`,
      `/status-updates?cursor=${cursorOf({ createdAt: '2016-12-31T23:59:60.000Z', id: '01890a5d-ac96-774b-bcce-b302099a8057' })}`,
      `/audit-entries?cursor=${Buffer.from('{"seq":9223372036854775807}').toString('base64url')}`,
      `/audit-entries?cursor=${Buffer.from('{"seq":1e300}').toString('base64url')}`,
      `/audit-entries?cursor=${cursorOf({ seq: 2 ** 31 })}`,
    ]
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url })
      t.equal(res.statusCode, 400, url)
      t.match(res.json(), { code: 'VALIDATION_FAILED', errors: [{ path: /^\/querystring\// }] }, url)
    }
    const biggest = await app.inject({
      method: 'GET',
      url: `/audit-entries?cursor=${cursorOf({ seq: 2 ** 31 - 1 })}`,
    })
    t.equal(biggest.statusCode, 200, 'the largest sequence number is still a cursor')
    t.equal(biggest.json().items.length, 1)
  })

  t.test(
    `${backend.name}: X-Actor is UTF-8; control characters and lone surrogates are refused`,
    async (t) => {
      const app = await build(t, backend)
      const created = await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: { 'x-actor': asUtf8Bytes('café 😀') },
        payload: { title: 'a' },
      })
      t.equal(created.statusCode, 201)
      const [entry] = (await app.repos.audit.list({ filter: {}, limit: 1 })).items
      t.equal(entry?.actor, 'café 😀', 'stored as sent, not as cafÃ©')
      for (const actor of [
        'caf\xe9',
        asUtf8Bytes('a\u0085b'),
        'a\x7fb',
        'a\u{d800}b',
        asUtf8Bytes('\u00a0'),
      ]) {
        const res = await app.inject({
          method: 'POST',
          url: '/tasks',
          headers: { 'x-actor': actor },
          payload: { title: 'b' },
        })
        t.equal(res.statusCode, 400, JSON.stringify(actor))
        t.match(res.json(), { code: 'VALIDATION_FAILED', errors: [{ path: '/headers/x-actor' }] })
      }
      t.equal((await app.repos.audit.list({ filter: {}, limit: 10 })).items.length, 1, 'nothing else written')
    },
  )

  t.test(`${backend.name}: the Bearer scheme is case-insensitive`, async (t) => {
    const app = await build(t, backend)
    const { secret } = await tokenFor(app, 'viewer')
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const res = await app.inject({
        method: 'GET',
        url: '/tasks',
        headers: { authorization: `${scheme} ${secret}` },
      })
      t.equal(res.statusCode, 200, scheme)
    }
    const basic = await app.inject({
      method: 'GET',
      url: '/tasks',
      headers: { authorization: `Basic ${secret}` },
    })
    t.equal(basic.statusCode, 401)
  })

  t.test(
    `${backend.name}: a rotated token works until its grace period ends, the new one at once`,
    async (t) => {
      let ahead = 0
      const app = await build(t, backend, { clock: () => Date.now() + ahead })
      const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString()
      const old = await tokenFor(app, 'contributor', { expiresAt })
      const get = (secret: string) =>
        app.inject({ method: 'GET', url: '/tasks', headers: { authorization: `Bearer ${secret}` } })
      const secret = newSecret()
      const retireAt = new Date(Date.now() + 3_600_000).toISOString()
      const rotated = await app.repos.tokens.rotate(old.token.id, {
        secretHash: hashSecret(secret),
        expiresAt: null,
        retireAt,
      })
      t.ok(rotated)
      t.match(rotated?.token, {
        actor: 'contributor-person',
        role: 'contributor',
        expiresAt: null,
        revokedAt: null,
      })
      t.equal(
        rotated?.retired.expiresAt,
        retireAt,
        'the old token now expires at the end of the grace period',
      )
      t.equal((await get(old.secret)).statusCode, 200, 'the old token still works during the grace period')
      t.equal((await get(secret)).statusCode, 200, 'the new one works')
      const created = await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: { authorization: `Bearer ${secret}` },
        payload: { title: 'by the new token' },
      })
      t.equal(created.statusCode, 201)
      t.equal((await app.repos.audit.list({ filter: {}, limit: 1 })).items[0]?.actor, 'contributor-person')

      // Rotating again with a grace period later than the token's expiry keeps the sooner expiry.
      const again = await app.repos.tokens.rotate(old.token.id, {
        secretHash: hashSecret(newSecret()),
        expiresAt: null,
        retireAt: new Date(Date.now() + 7_200_000).toISOString(),
      })
      t.equal(again?.retired.expiresAt, retireAt)
      // A grace period that has ended: the old token is refused, the new one is not.
      await app.repos.tokens.rotate(old.token.id, {
        secretHash: hashSecret(newSecret()),
        expiresAt: null,
        retireAt: new Date(Date.now() - 1).toISOString(),
      })
      // The running server reads the token again once the bound has passed.
      ahead += TOKEN_RECHECK_MS
      const refused = await get(old.secret)
      t.equal(refused.statusCode, 401)
      t.match(refused.json(), { detail: 'The token expired' })
      t.equal((await get(secret)).statusCode, 200)
      // A revoked token, or an unknown id, is not rotated and nothing is written.
      const before = (await app.repos.tokens.list()).length
      await app.repos.tokens.revoke(old.token.id, new Date().toISOString())
      const hash = hashSecret(newSecret())
      t.equal(
        await app.repos.tokens.rotate(old.token.id, { secretHash: hash, expiresAt: null, retireAt }),
        undefined,
      )
      t.equal(
        await app.repos.tokens.rotate('01890a5d-ac96-774b-bcce-b302099a8057', {
          secretHash: hash,
          expiresAt: null,
          retireAt,
        }),
        undefined,
      )
      t.equal((await app.repos.tokens.list()).length, before)
      t.equal(await app.repos.tokens.findBySecretHash(hash), undefined)
    },
  )
}

t.test('TRUST_PROXY: the client address comes from X-Forwarded-For only when told to', async (t) => {
  const from = (app: TestApp, address: string) =>
    app.inject({ method: 'GET', url: '/tasks', headers: { 'x-forwarded-for': address } })
  const direct = await build(t, memory, { env: { RATE_LIMIT_MAX: '1' } })
  t.equal((await from(direct, '192.0.2.1')).statusCode, 200)
  t.equal((await from(direct, '192.0.2.2')).statusCode, 429, 'without it, the proxy is one client')
  for (const trust of ['true', '127.0.0.1', '127.0.0.0/8,::1', 'loopback']) {
    const proxied = await build(t, memory, { env: { RATE_LIMIT_MAX: '1', TRUST_PROXY: trust } })
    t.equal((await from(proxied, '192.0.2.1')).statusCode, 200, trust)
    t.equal((await from(proxied, '192.0.2.2')).statusCode, 200, `${trust}: each client has its own budget`)
    t.equal((await from(proxied, '192.0.2.1')).statusCode, 429, trust)
  }
  const elsewhere = await build(t, memory, { env: { RATE_LIMIT_MAX: '1', TRUST_PROXY: '10.0.0.0/8' } })
  t.equal((await from(elsewhere, '192.0.2.1')).statusCode, 200)
  t.equal((await from(elsewhere, '192.0.2.2')).statusCode, 429, 'a proxy not listed is not believed')
})

t.test('a URL that does not decode (a Fastify framework error) answers problem+json', async (t) => {
  const app = await build(t, memory)
  const badUrl = await app.inject({ method: 'GET', url: '/tasks/%E0%A4%A' })
  t.equal(badUrl.statusCode, 400)
  t.match(badUrl.headers['content-type'], /^application\/problem\+json/)
  t.match(badUrl.json(), { code: 'VALIDATION_FAILED', errors: [{ path: '/url' }] })
})
