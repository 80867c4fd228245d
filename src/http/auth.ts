// Who is acting, and may they do this? With no API token in the database, trail is in open mode: every
// request is allowed and the actor comes from X-Actor (default `anonymous`). Once a token exists, every
// request but /health, /openapi.json and /docs needs `Authorization: Bearer <secret>`; the token names the
// actor (X-Actor is ignored) and its role decides what it may do (src/auth/roles.ts).
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type Access, accessFor, allows } from '../auth/roles.js'
import { hashSecret } from '../auth/tokens.js'
import { forbidden, rateLimited, unauthorized, validationFailed } from '../errors.js'
import type { Role } from '../persistence/contract.js'

export interface RouteAccess {
  method: string
  url: string
  access: Access
  /** False when ROUTE_ACCESS has no rule for the route, which then falls back to admins only. */
  ruled: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the role it needs, as registered. */
    routeAccess: readonly RouteAccess[]
  }
  interface FastifyRequest {
    actor: string
    /** The token's id when the request carried one; rate limits count per token. */
    tokenId: string | undefined
  }
  interface FastifyContextConfig {
    access?: Access
  }
}

// Leading white space, then a visible character: the two parts cannot trade characters, so this is linear.
const ACTOR = /^(?:(?!\p{Cc})\s)*[^\p{Cc}\s][^\p{Cc}]*$/u
/** How often a token's last-used time is written: per request would turn every read into a write. */
const TOUCH_INTERVAL_MS = 60_000

function headerActor(request: FastifyRequest): string {
  const header = request.headers['x-actor']
  if (header === undefined) return 'anonymous'
  if (typeof header !== 'string' || header.length > 200 || !ACTOR.test(header)) {
    throw validationFailed('X-Actor must be one name of 1 to 200 printable characters', [
      { path: '/headers/x-actor', message: 'is invalid' },
    ])
  }
  return header.trim()
}

export interface AuthOptions {
  /** Failed authentications allowed per window and address before 429. */
  failuresPerWindow: number
  windowMs: number
}

export default fp(
  async (app, options: AuthOptions) => {
    app.decorateRequest('actor', 'anonymous')
    app.decorateRequest('tokenId', undefined)

    // The role each route needs, from the one table; it is also written into the OpenAPI document.
    const routes: RouteAccess[] = []
    app.decorate('routeAccess', routes)
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      const rule = accessFor(methods[0] as string, route.url)
      const access = rule ?? 'admin'
      for (const method of methods) routes.push({ method, url: route.url, access, ruled: rule !== undefined })
      route.config = { ...route.config, access }
      if (route.schema && access !== 'public') {
        const note = `Needs the ${access} role (when API tokens are in use).`
        route.schema.description = route.schema.description ? `${route.schema.description} ${note}` : note
        route.schema.security = [{ bearerAuth: [] }]
      }
    })

    // Once a token exists the service never goes back to open mode (tokens are revoked, not deleted). While
    // none does, the answer is re-read at most once a second rather than on every request: on PostgreSQL
    // that query was a round trip per request, about a third of open-mode throughput. A token created
    // from the CLI therefore takes effect within a second.
    const OPEN_MODE_RECHECK_MS = 1000
    let tokensInUse = false
    let openModeCheckedAt = Number.NEGATIVE_INFINITY
    const inTokenMode = async () => {
      if (tokensInUse) return true
      const now = performance.now()
      if (now - openModeCheckedAt >= OPEN_MODE_RECHECK_MS) {
        tokensInUse = await app.repos.tokens.exists()
        openModeCheckedAt = now
      }
      return tokensInUse
    }
    const checkFailures = app.createRateLimit({
      max: options.failuresPerWindow,
      timeWindow: options.windowMs,
    })
    const refuse = async (request: FastifyRequest, detail: string) => {
      const limit = await checkFailures(request)
      if (!limit.isAllowed && limit.isExceeded) throw rateLimited(Math.max(1, limit.ttlInSeconds))
      throw unauthorized(detail)
    }
    const lastTouched = new Map<string, number>()

    app.addHook('onRequest', async (request) => {
      // Unknown routes answer 404 and public ones need nobody; a route without a rule is for admins only.
      const access = request.routeOptions.config.access ?? 'admin'
      if (access === 'public' || request.is404) return
      if (!(await inTokenMode())) {
        request.actor = headerActor(request)
        return
      }
      const header = request.headers.authorization
      const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
      if (!secret) return refuse(request, 'Send Authorization: Bearer <token>')
      const token = await app.repos.tokens.findBySecretHash(hashSecret(secret))
      const now = new Date()
      if (token === undefined) return refuse(request, 'The token is not valid')
      if (token.revokedAt !== null) return refuse(request, 'The token was revoked')
      if (token.expiresAt !== null && token.expiresAt <= now.toISOString())
        return refuse(request, 'The token expired')
      if (!allows(token.role as Role, access)) throw forbidden(token.role, access)
      request.actor = token.actor
      request.tokenId = token.id
      if (now.getTime() - (lastTouched.get(token.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(token.id, now.getTime())
        await app.repos.tokens.touch(token.id, now.toISOString())
      }
    })
  },
  { name: 'auth', dependencies: ['persistence', '@fastify/rate-limit'] },
)
