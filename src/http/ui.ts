// The browser interface at /ui/: the files `npm run build` puts in dist/ui (Vite, from ui/). They are
// public like /docs: every datum the pages show still comes through the authorised API. Hashed asset names
// are cached for a year; index.html is revalidated on every load, so a new build is picked up at once.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { TrailError } from '../core/errors.js'
import { declareScopeAccess } from './auth.js'

/** Same-origin scripts, styles, images and API calls; nothing inline, nothing from elsewhere. */
export const UI_CSP = [
  "default-src 'none'",
  "base-uri 'none'",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "img-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "manifest-src 'self'",
].join('; ')

/** The repository's root: the nearest folder above this file with a package.json (src/ or dist/src/). */
function projectRoot(from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

export const UI_DIR = join(projectRoot(import.meta.dirname), 'dist', 'ui')

export default fp(
  async (app, options: { root?: string }) => {
    const root = options.root ?? UI_DIR
    await app.register(async (ui) => {
      declareScopeAccess(ui, 'public')
      ui.addHook('onSend', async (_request, reply) => {
        reply.header('content-security-policy', UI_CSP)
      })
      ui.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/ui/', 302))
      if (!existsSync(join(root, 'index.html'))) {
        // A checkout whose UI was not built (`npm run build` builds it): say so rather than a bare 404.
        const notBuilt = async () => {
          throw new TrailError(
            404,
            'NOT_FOUND',
            'Not found',
            'The web interface is not built: run npm run build',
          )
        }
        ui.get('/ui', { schema: { hide: true } }, notBuilt)
        ui.get('/ui/*', { schema: { hide: true } }, notBuilt)
        return
      }
      await ui.register(fastifyStatic, {
        root,
        prefix: '/ui/',
        // The page itself is the route below: the router ignores trailing slashes, so /ui/ is /ui.
        index: false,
        redirect: false,
        wildcard: true,
        cacheControl: false,
        setHeaders: (res, path) => {
          const hashed = path.startsWith(join(root, 'assets'))
          res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
        },
      })
      ui.get('/ui', { schema: { hide: true } }, async (_request, reply) =>
        reply.header('cache-control', 'no-cache').sendFile('index.html'),
      )
    })
  },
  { name: 'ui', dependencies: ['auth'] },
)
