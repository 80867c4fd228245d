// Who is acting, and may they do this? With no API token in the database, trail is in open mode: every
// request is allowed and the actor comes from X-Actor (default `anonymous`). Once a token exists, every
// request but /health, /openapi.json and /docs needs `Authorization: Bearer <secret>`; the token names the
// actor (X-Actor is ignored) and its role decides what it may do: each route declares the least role it
// needs in its config (`config: { access: 'viewer' }`), roles ordered as in src/auth/roles.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isActorName } from '../auth/actor.js'
import { type Access, allows } from '../auth/roles.js'
import type { Role } from '../auth/schemas.js'
import { hashSecret } from '../auth/tokens.js'
import { forbidden, rateLimited, unauthorized, validationFailed } from '../core/errors.js'
import { problems } from './schemas.js'

export interface RouteAccess {
  method: string
  url: string
  /** The least role the route needs, as the route declares it. */
  access: Access
}

// Routes a third-party plugin adds (the docs UI's pages and assets) take no config of ours: the scope that
// registers the plugin declares their access for them (declareScopeAccess).
const scopeAccess = Symbol('trail.scopeAccess')
type AccessScope = FastifyInstance & { [scopeAccess]?: Access }

/** Gives every route registered in `scope` (and the scopes inside it) that declares none the access `access`. */
export function declareScopeAccess(scope: FastifyInstance, access: Access) {
  const target: AccessScope = scope
  target[scopeAccess] = access
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the role it needs, as registered. */
    routeAccess: readonly RouteAccess[]
  }
  interface FastifyRequest {
    actor: string
    /** The id of the token the request carried, once authenticated. */
    tokenId: string | undefined
    /** The token's role; undefined in open mode, where every request is allowed. */
    role: Role | undefined
  }
  interface FastifyContextConfig {
    access?: Access
  }
}

/** The secret of `Authorization: Bearer <secret>`; the scheme's name is case-insensitive (RFC 9110 §11.1). */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  return match?.[1]
}

/** How often a token's last-used time is written: per request would turn every read into a write. */
const TOUCH_INTERVAL_MS = 60_000

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Node hands header values over as latin1 (one character per byte), while clients send names such as
 * `café` as UTF-8: the bytes are decoded as UTF-8, and invalid UTF-8 is refused rather than stored garbled.
 */
function decodeHeader(value: string): string | undefined {
  // Only a header set in-process (app.inject) can hold characters above 0xFF: it is text already.
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return value
  try {
    return utf8.decode(Buffer.from(value, 'latin1'))
  } catch {
    return undefined
  }
}

function headerActor(request: FastifyRequest): string {
  const header = request.headers['x-actor']
  if (header === undefined) return 'anonymous'
  const name = typeof header === 'string' ? decodeHeader(header) : undefined
  if (name === undefined || name.length > 200 || !isActorName(name)) {
    throw validationFailed('X-Actor must be one name of 1 to 200 printable characters, in UTF-8', [
      { path: '/headers/x-actor', message: 'is invalid' },
    ])
  }
  return name.trim()
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
    app.decorateRequest('role', undefined)

    // The role each route declares beside it (its config), recorded for the 405 routes and the tests, and
    // written into the OpenAPI document. A route that declares none stops start-up: nothing is open or
    // closed by default.
    const routes: RouteAccess[] = []
    app.decorate('routeAccess', routes)
    app.addHook('onRoute', function (this: AccessScope, route) {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      const access = route.config?.access ?? this[scopeAccess]
      if (access === undefined) {
        throw new Error(
          `${methods.join(', ')} ${route.url} declares no access: add config: { access: … } to it`,
        )
      }
      for (const method of methods) routes.push({ method, url: route.url, access })
      route.config = { ...route.config, access }
      const note = `Needs the ${access} role (when API tokens are in use).`
      // The HEAD route Fastify adds for a GET shares its schema: document the role once.
      if (route.schema && access !== 'public' && !route.schema.description?.includes(note)) {
        route.schema.description = route.schema.description ? `${route.schema.description} ${note}` : note
        route.schema.security = [{ bearerAuth: [] }]
        route.schema.response = { ...problems(401, 403, 429), ...(route.schema.response as object) }
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
      // Unknown routes answer 404 and public ones need nobody. Every route has an access (see onRoute); the
      // fallback only types the not-found handler's config, which has none.
      const access = request.routeOptions.config.access ?? 'admin'
      if (access === 'public' || request.is404) return
      if (!(await inTokenMode())) {
        request.actor = headerActor(request)
        return
      }
      const secret = bearerSecret(request.headers.authorization)
      if (!secret) return refuse(request, 'Send Authorization: Bearer <token>')
      const token = await app.repos.tokens.findBySecretHash(hashSecret(secret))
      const now = new Date()
      if (token === undefined) return refuse(request, 'The token is not valid')
      if (token.revokedAt !== null) return refuse(request, 'The token was revoked')
      if (token.expiresAt !== null && token.expiresAt <= now.toISOString())
        return refuse(request, 'The token expired')
      if (!allows(token.role, access)) throw forbidden(token.role, access)
      request.actor = token.actor
      request.tokenId = token.id
      request.role = token.role
      if (now.getTime() - (lastTouched.get(token.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(token.id, now.getTime())
        await app.repos.tokens.touch(token.id, now.toISOString())
      }
    })
  },
  { name: 'auth', dependencies: ['persistence', '@fastify/rate-limit'] },
)
