// The web interface's files and GET /me, through app.inject on every backend: / redirects to /ui/, the page
// and its hashed assets carry the UI's CSP and the right caching, the files are public even with tokens,
// and /me says who the caller is. The browser flows are in test/ui/flows.test.ts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { UI_CSP, UI_DIR } from '../../src/http/ui.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { tokenFor } from '../fixtures.js'
import { build } from '../helper.js'
import { ensureUiBuilt } from '../ui/browser.js'

ensureUiBuilt()

for (const backend of backends) {
  t.test(`${backend.name}: / redirects to /ui/, which serves the page with the UI's policy`, async (t) => {
    const app = await build(t, backend)
    const root = await app.inject({ method: 'GET', url: '/' })
    t.equal(root.statusCode, 302)
    t.equal(root.headers.location, '/ui/')
    for (const url of ['/ui/', '/ui']) {
      const page = await app.inject({ method: 'GET', url })
      t.equal(page.statusCode, 200, url)
      t.match(page.headers['content-type'], /^text\/html/)
      t.equal(page.headers['content-security-policy'], UI_CSP)
      t.equal(
        page.headers['cache-control'],
        'no-cache',
        'the page is revalidated, so a new build shows at once',
      )
      t.notMatch(page.body, /<script>|<style>| style=| on\w+=/i, 'nothing inline')
      t.notMatch(page.body, /https?:\/\//, 'nothing from elsewhere')
    }
  })

  t.test(`${backend.name}: /me names the caller, in open mode and with a token`, async (t) => {
    const app = await build(t, backend)
    const open = await app.inject({ method: 'GET', url: '/me', headers: { 'x-actor': 'ada' } })
    t.equal(open.statusCode, 200)
    t.same(open.json(), { actor: 'ada', mode: 'open', role: null })
    const viewer = await tokenFor(app, 'viewer', { actor: 'vic' })
    // Tokens take effect within a second of the first one (src/http/auth.ts); a fresh app sees them at once.
    const withTokens = await build(t, backend, { repos: app.repos })
    t.equal((await withTokens.inject({ method: 'GET', url: '/me' })).statusCode, 401)
    const me = await withTokens.inject({ method: 'GET', url: '/me', headers: viewer.headers })
    t.same(me.json(), { actor: 'vic', mode: 'token', role: 'viewer' })
    const page = await withTokens.inject({ method: 'GET', url: '/ui/' })
    t.equal(page.statusCode, 200, 'the page itself needs no token: it is a static file')
  })
}

t.test('hashed assets are cached for a year; unknown ones are 404 problem documents', async (t) => {
  const app = await build(t, memory)
  const assets = readdirSync(join(UI_DIR, 'assets'))
  const script = assets.find((name) => /^index-[\w-]{8}\.js$/.test(name))
  t.ok(script, 'the entry script has a hashed name')
  const res = await app.inject({ method: 'GET', url: `/ui/assets/${script}` })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  t.match(res.headers['content-type'], /javascript/)
  t.equal(res.headers['content-security-policy'], UI_CSP)
  const missing = await app.inject({ method: 'GET', url: '/ui/assets/nothing-12345678.js' })
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /application\/problem\+json/)
  const climbing = await app.inject({ method: 'GET', url: '/ui/%2e%2e/%2e%2e/package.json' })
  t.equal(climbing.statusCode, 404, 'no path climbs out of dist/ui')
})

t.test('a checkout whose UI was not built says how to build it', async (t) => {
  const empty = mkdtempSync(join(tmpdir(), 'trail-ui-'))
  t.teardown(() => rmSync(empty, { recursive: true, force: true }))
  const app = await buildApp(loadConfig({ PERSISTENCE: 'memory', LOG_LEVEL: 'silent' }), {
    repos: await memory.open(t),
    uiRoot: empty,
  })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/ui/' })
  t.equal(res.statusCode, 404)
  t.match(res.json(), { code: 'NOT_FOUND', detail: /npm run build/ })
  t.equal((await app.inject({ method: 'GET', url: '/' })).headers.location, '/ui/')
})
