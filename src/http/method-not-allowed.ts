// 405 with `Allow` for every method a known path does not support, instead of a 404 that says the path
// does not exist (PATCH on a status update, which never changes, included). Registered after every other
// route: it reads the routes auth has recorded, and adds one hidden route per path for the methods that path
// lacks (they stay out of the OpenAPI document). Each such route needs the role that reading the path needs
// (or, for a path without GET, what its own method needs), so nobody learns more from a 405 than from a GET.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Access } from '../auth/roles.js'
import { methodNotAllowed } from '../core/errors.js'

export default fp(
  async (app: FastifyInstance) => {
    const methodsByUrl = new Map<string, Set<string>>()
    const readAccess = new Map<string, Access>()
    for (const { method, url, access } of app.routeAccess) {
      // Wildcards (the docs' static files, CORS's `OPTIONS *`) are not paths a client names.
      if (url.includes('*')) continue
      const methods = methodsByUrl.get(url) ?? new Set<string>()
      methods.add(method)
      methodsByUrl.set(url, methods)
      // A path that cannot be read (a restore) is answered with the role its own method needs.
      if (method === 'GET' || !readAccess.has(url)) readAccess.set(url, access)
    }
    for (const [url, methods] of methodsByUrl) {
      const missing = app.supportedMethods.filter((method) => !methods.has(method))
      if (missing.length === 0) continue
      const allow = app.supportedMethods.filter((method) => methods.has(method))
      app.route({
        method: missing,
        url,
        schema: { hide: true },
        config: { access: readAccess.get(url) ?? 'admin' },
        // Before the body is parsed: a 405 does not depend on what was sent.
        onRequest: async (request) => {
          throw methodNotAllowed(request.method, allow)
        },
        handler: async () => {},
      })
    }
  },
  { name: 'method-not-allowed', dependencies: ['auth'] },
)
