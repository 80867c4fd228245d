// /docs on the bundle `npm start` runs: swagger-ui is inlined there (scripts/bundle.mjs) and finds its assets
// only through the folder src/http/openapi.ts gives it, which the tests of tsc's output would not notice.
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import t from 'tap'
import { startServer } from '../server.js'

const ASSETS = join(
  dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
  'static',
)

/** GET `path` exactly as written (fetch would resolve `..` and its escapes before sending). */
function getRaw(url: string, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${url}${path}`, { path }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      )
    }).on('error', reject)
  })
}

t.test('the bundled server serves /docs with swagger-ui assets, and nothing outside them', async (t) => {
  const server = await startServer(t, { PERSIST_DB_PATH: join(t.testdir(), 'docs.db') })

  const page = await getRaw(server.url, '/docs')
  t.equal(page.status, 200)
  t.match(page.type, /^text\/html/)

  const assets: [path: string, file: string][] = [
    ['/docs/static/swagger-ui-bundle.js', 'swagger-ui-bundle.js'],
    ['/docs/static/logo.svg', 'logo.svg'],
    ['/docs/logo.svg', 'logo.svg'],
  ]
  for (const [path, file] of assets) {
    const asset = await getRaw(server.url, path)
    t.equal(asset.status, 200, path)
    t.ok(asset.body.equals(readFileSync(join(ASSETS, file))), `${path} is swagger-ui's ${file}`)
  }

  const spec = await getRaw(server.url, '/docs/yaml')
  t.equal(spec.status, 200)
  t.match(spec.body.toString(), /^openapi: 3\.1\.0/m)

  for (const path of ['/docs/%2e%2e/%2e%2e/package.json', '/docs/static/%2e%2e/%2e%2e/package.json']) {
    const outside = await getRaw(server.url, path)
    t.equal(outside.status, 404, path)
    t.match(JSON.parse(outside.body.toString()), { code: 'NOT_FOUND' }, path)
  }
})
