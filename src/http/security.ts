// Abuse limits and browser-facing headers: a per-token (or per-address) request budget, security headers,
// and CORS only for the origins an operator lists.
import fastifyCors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { rateLimited } from '../errors.js'

export const rateLimiting = fp(
  async (app, options: Config['rateLimit']) => {
    await app.register(rateLimit, {
      global: options.perWindow > 0,
      max: options.perWindow,
      timeWindow: options.windowMs,
      // After authentication, so a token's budget follows the token from any address.
      hook: 'preHandler',
      keyGenerator: (request) => request.tokenId ?? request.ip,
      // Health checks from a load balancer must never be throttled.
      allowList: (request) => request.routeOptions.config.access === 'public',
      errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
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

export const browserHeaders = fp(
  async (app, options: { corsOrigins: string[] }) => {
    await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: API_CSP } })
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
