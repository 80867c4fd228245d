// Abuse limits and browser-facing headers: a per-token (or per-address) request budget, security headers,
// and CORS only for the origins an operator lists.
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hashSecret } from '../auth/tokens.js'
import type { Config } from '../config.js'
import { rateLimited } from '../errors.js'
import { bearerSecret } from './auth.js'

/** The budget's key: the bearer secret's hash when the request carries one, else the client's address. */
function budgetKey(request: FastifyRequest) {
  const secret = bearerSecret(request.headers.authorization)
  return secret === undefined ? `address ${request.ip}` : `token ${hashSecret(secret)}`
}

export const rateLimiting = fp(
  async (app, options: Config['rateLimit']) => {
    // Registered for its decorators only: the budget is checked by the app-wide hook below.
    await app.register(rateLimit, {
      global: false,
      max: options.perWindow,
      timeWindow: options.windowMs,
      errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
    })
    if (options.perWindow === 0) return
    // An app-wide onRequest hook, registered before authentication's: every request counts before its
    // body is read or anything is checked, so 400s, 401s and 404s spend the budget like 2xx do. Keyed by
    // the secret rather than the token it names, because the token is not looked up yet: a token's budget
    // still follows it from any address, and made-up secrets are 401s that AUTH_FAILURE_LIMIT counts per
    // address.
    app.addHook(
      'onRequest',
      app.rateLimit({
        keyGenerator: budgetKey,
        // Health checks from a load balancer must never be throttled.
        allowList: (request) => request.routeOptions.config.access === 'public',
      }),
    )
  },
  { name: 'rate-limiting' },
)

export const browserHeaders = fp(
  async (app, options: { corsOrigins: string[] }) => {
    // /docs serves Swagger UI, whose inline styles and scripts the default CSP would block; swagger-ui's
    // staticCSP sets a policy for its own pages instead.
    await app.register(helmet, { contentSecurityPolicy: false })
    if (options.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: options.corsOrigins,
        exposedHeaders: ['etag', 'location', 'retry-after'],
      })
    }
  },
  { name: 'browser-headers' },
)
