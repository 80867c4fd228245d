// Abuse limits and browser-facing headers: a per-token (or per-address) request budget, security headers,
// and CORS only for the origins an operator lists.
import type { IncomingMessage, ServerResponse } from 'node:http'
import fastifyCors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import LocalStore from '@fastify/rate-limit/store/LocalStore.js'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import { hashSecret } from '../auth/tokens.js'
import type { Config } from '../config.js'
import { rateLimited } from '../core/errors.js'
import { bearerSecret } from './auth.js'

/** The budget's key: the bearer secret's hash when the request carries one, else the client's address. */
function budgetKey(request: FastifyRequest) {
  const secret = bearerSecret(request.headers.authorization)
  return secret === undefined ? `address ${request.ip}` : `token ${hashSecret(secret)}`
}

/** How many budgets are kept at once, the least recently used dropped first (the plugin's default). */
const BUDGETS_KEPT = 5_000

export const rateLimiting = fp(
  async (app, options: Config['rateLimit']) => {
    // Registered for its decorators: auth's failure limit is a `createRateLimit`.
    await app.register(rateLimit, { global: false })
    if (options.perWindow === 0) return
    const { perWindow, windowMs } = options
    // The plugin's own store, counting each key's fixed window, called directly: the plugin's request
    // handler awaits its key, its allow-list and the store on every request, which made a GET /tasks/:id
    // cost 44.2 µs of server CPU against 41.1 through this callback hook (README, Performance).
    const budgets = new LocalStore(false, false, BUDGETS_KEPT)
    const limitHeader = String(perWindow)
    // An app-wide onRequest hook, registered before authentication's: every request counts before its
    // body is read or anything is checked, so 400s, 401s and 404s spend the budget like 2xx do. Keyed by
    // the secret rather than the token it names, because the token is not looked up yet: a token's budget
    // still follows it from any address, and made-up secrets are 401s that AUTH_FAILURE_LIMIT counts per
    // address. Health checks from a load balancer (public routes) are never counted.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.routeOptions.config.access === 'public') return done()
      budgets.incr(
        budgetKey(request),
        (_error, counted) => {
          const resetSeconds = Math.ceil(counted.ttl / 1000)
          reply.header('x-ratelimit-limit', limitHeader)
          reply.header('x-ratelimit-remaining', String(Math.max(0, perWindow - counted.current)))
          reply.header('x-ratelimit-reset', String(resetSeconds))
          done(counted.current > perWindow ? rateLimited(Math.max(1, resetSeconds)) : undefined)
        },
        windowMs,
        perWindow,
      )
    })
  },
  { name: 'rate-limiting' },
)

/** A CORS preflight, as the Fetch standard defines it; any other OPTIONS is an unsupported method (405). */
const isPreflight = (request: FastifyRequest) =>
  request.method === 'OPTIONS' &&
  request.headers.origin !== undefined &&
  request.headers['access-control-request-method'] !== undefined

/**
 * The API answers JSON only, so its pages may load nothing at all. /docs (Swagger UI) sets its own policy
 * through swagger-ui's `staticCSP` (src/http/openapi.ts).
 */
export const API_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
}

/**
 * The headers helmet sets for `options`, worked out once: with no nonces they depend on nothing in the
 * request. (@fastify/helmet built a new helmet middleware from the options on every request, and that
 * showed in profiles.) Helmet's own middleware computes them, so they are exactly its headers.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {})
  return headers
}

export const browserHeaders = fp(
  async (app, options: { corsOrigins: string[] }) => {
    const headers = helmetHeaders({ contentSecurityPolicy: { useDefaults: false, directives: API_CSP } })
    // Set on every answer before anything else runs, as helmet did: a route, or /docs with its own policy,
    // still replaces any of them.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers)
      done()
    })
    if (options.corsOrigins.length > 0) {
      const cors = {
        origin: options.corsOrigins,
        // Every method the API has, so a browser may also PATCH and DELETE (the default is GET, HEAD, POST).
        methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
        exposedHeaders: ['etag', 'location', 'retry-after'],
      }
      // @fastify/cors answers preflights in its onRequest hook; a plain OPTIONS goes on to the route, which
      // answers 405 with `Allow` (src/http/method-not-allowed.ts) rather than cors's 400 text/plain.
      await app.register(fastifyCors, {
        delegator: (request, callback) => callback(null, { ...cors, preflight: isPreflight(request) }),
      })
    }
  },
  { name: 'browser-headers' },
)
