// Abuse limits and browser-facing headers: a per-token (or per-address) request budget, security headers,
// and CORS only for the origins an operator lists.
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
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
