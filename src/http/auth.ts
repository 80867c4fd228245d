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
import { rememberedTokens, TOKEN_RECHECK_MS } from '../auth/token-cache.js'
import { hashSecret } from '../auth/tokens.js'
import { forbidden, rateLimited, unauthorized, validationFailed } from '../core/errors.js'
import { type Clock, systemClock } from '../domains/audit/entries.js'
import { problems } from './schemas.js'

export interface RouteAccess {
  method: string
  url: string
  /** The least role the route needs, as the route declares it. */
  access: Access
  /** The role an undelete through the route needs (a restore without If-Match), where it differs. */
  undeleteAccess?: Access
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
    /** The role of that token; undefined in open mode, where every request is allowed. */
    role: Role | undefined
  }
  interface FastifyContextConfig {
    access?: Access
    /** What an undelete (a restore without If-Match) needs besides `access`; see requireAccess. */
    undeleteAccess?: Access
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
  let ascii = true
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    // Only a header set in-process (app.inject) can hold characters above 0xFF: it is text already.
    if (code > 0xff) return value
    if (code > 0x7f) ascii = false
  }
  // ASCII bytes are the same text in UTF-8: no Buffer copy and decode (3 % of the CPU of GET /tasks/:id).
  if (ascii) return value
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

/**
 * Refuses (403) a request whose token's role does not allow `access`: for a route whose role depends on what
 * the request asks (an undelete through a restore route). Open mode allows everything.
 */
export function requireAccess(request: { role: Role | undefined }, access: Access) {
  if (request.role !== undefined && !allows(request.role, access)) throw forbidden(request.role, access)
}

export interface AuthOptions {
  /** Failed authentications allowed per window and address before 429. */
  failuresPerWindow: number
  windowMs: number
  /** The time tokens' expiry and the rechecks below are judged by; tests inject one. */
  clock?: Clock
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
      const undeleteAccess = route.config?.undeleteAccess
      for (const method of methods) {
        routes.push({ method, url: route.url, access, ...(undeleteAccess ? { undeleteAccess } : {}) })
      }
      route.config = { ...route.config, access }
      const undeleteNote = undeleteAccess ? ` Undeleting (no If-Match) needs the ${undeleteAccess} role.` : ''
      const note = `Needs the ${access} role (when API tokens are in use).${undeleteNote}`
      // The HEAD route Fastify adds for a GET shares its schema: document the role once.
      if (route.schema && access !== 'public' && !route.schema.description?.includes(note)) {
        route.schema.description = route.schema.description ? `${route.schema.description} ${note}` : note
        route.schema.security = [{ bearerAuth: [] }]
        route.schema.response = { ...problems(401, 403, 429), ...(route.schema.response as object) }
      }
    })

    const clock = options.clock ?? systemClock
    // Once a token exists the service never goes back to open mode (tokens are revoked, not deleted). While
    // none does, the answer is re-read at most every TOKEN_RECHECK_MS rather than on every request: on
    // PostgreSQL that query was a round trip per request, about a third of open-mode throughput. A token
    // created from the CLI therefore takes effect within a second.
    let tokensInUse = false
    let openModeCheckedAt = Number.NEGATIVE_INFINITY
    /** Open mode, as last read, while that answer is fresh: the request needs no await at all. */
    const surelyOpen = () => {
      if (tokensInUse) return false
      const sinceCheck = clock() - openModeCheckedAt
      return sinceCheck >= 0 && sinceCheck < TOKEN_RECHECK_MS
    }
    const inTokenMode = async () => {
      if (!tokensInUse && !surelyOpen()) {
        const now = clock()
        tokensInUse = await app.repos.tokens.exists()
        openModeCheckedAt = now
      }
      return tokensInUse
    }
    const findToken = rememberedTokens((hash) => app.repos.tokens.findBySecretHash(hash), clock)
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

    const authenticate = async (request: FastifyRequest, access: Access) => {
      if (!(await inTokenMode())) {
        request.actor = headerActor(request)
        return
      }
      const secret = bearerSecret(request.headers.authorization)
      if (!secret) return refuse(request, 'Send Authorization: Bearer <token>')
      const token = await findToken(hashSecret(secret))
      const now = clock()
      if (token === undefined) return refuse(request, 'The token is not valid')
      if (token.revokedAt !== null) return refuse(request, 'The token was revoked')
      if (token.expiresAt !== null && token.expiresAt <= new Date(now).toISOString())
        return refuse(request, 'The token expired')
      if (!allows(token.role, access)) throw forbidden(token.role, access)
      request.actor = token.actor
      request.tokenId = token.id
      request.role = token.role
      if (now - (lastTouched.get(token.id) ?? 0) > TOUCH_INTERVAL_MS) {
        lastTouched.set(token.id, now)
        await app.repos.tokens.touch(token.id, new Date(now).toISOString())
      }
    }

    // A callback hook, not an async one: in open mode, while its answer is fresh, a request is let through
    // without a promise (an async hook's promise and its microtask turns showed in GET /tasks/:id profiles).
    app.addHook('onRequest', (request, _reply, done) => {
      // Unknown routes answer 404 and public ones need nobody. Every route has an access (see onRoute); the
      // fallback only types the not-found handler's config, which has none.
      const access = request.routeOptions.config.access ?? 'admin'
      if (access === 'public' || request.is404) return done()
      if (surelyOpen()) {
        try {
          request.actor = headerActor(request)
        } catch (error) {
          return done(error as Error)
        }
        return done()
      }
      authenticate(request, access).then(
        () => done(),
        (error: Error) => done(error),
      )
    })
  },
  { name: 'auth', dependencies: ['persistence', '@fastify/rate-limit'] },
)
