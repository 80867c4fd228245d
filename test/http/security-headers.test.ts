// The security headers every API answer carries, exactly as helmet computes them for our options: success,
// problem (404, 400) and rate-limited answers alike. They are worked out once at start-up (security.ts); this
// pins that nothing was lost or added on the way, and that /docs keeps its own policy.
import t from 'tap'
import { API_CSP, helmetHeaders } from '../../src/http/security.js'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'

const EXPECTED = {
  'content-security-policy': "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}

t.test("helmetHeaders gives helmet's own headers for our options", async (t) => {
  t.same(helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: API_CSP } }), EXPECTED)
})

t.test('every kind of answer carries them', async (t) => {
  const app = await build(t, memory)
  const answers = [
    await app.inject({ method: 'GET', url: '/tasks' }),
    await app.inject({ method: 'GET', url: '/nowhere' }),
    await app.inject({
      method: 'POST',
      url: '/tasks',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    }),
    await app.inject({ method: 'GET', url: '/health' }),
  ]
  t.same(
    answers.map((res) => res.statusCode),
    [200, 404, 400, 200],
  )
  for (const res of answers) {
    for (const [name, value] of Object.entries(EXPECTED)) t.equal(res.headers[name], value, name)
  }
})

t.test('/docs replaces the policy with its own and keeps the others', async (t) => {
  const app = await build(t, memory)
  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(docs.statusCode, 200)
  t.not(docs.headers['content-security-policy'], EXPECTED['content-security-policy'])
  t.equal(docs.headers['x-frame-options'], 'SAMEORIGIN')
})
