// buildApp(config): every plugin registered explicitly, in order. Cross-cutting plugins first, then the
// persistence plugin that decorates `repos`, then one encapsulated plugin per domain under its prefix.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { LogController } from 'fastify'
import persistence from './backends.js'
import type { Config } from './config.js'
import { isAcceptableText, TEXT_FORMAT } from './core/text.js'
import type { Clock } from './domains/audit/entries.js'
import auth from './http/auth.js'
import { compileOnUse } from './http/compile-on-use.js'
import errors, { clientErrorHandler, frameworkErrors } from './http/errors.js'
import service from './http/health.js'
import jsonBodies from './http/json.js'
import me from './http/me.js'
import methodNotAllowed from './http/method-not-allowed.js'
import openapi from './http/openapi.js'
import { Problem } from './http/schemas.js'
import { browserHeaders, rateLimiting } from './http/security.js'
import { serializerFactory } from './http/serializers.js'
import ui from './http/ui.js'
import { validatorCompiler } from './http/validation.js'
import type { Repos } from './persistence/contract.js'
import retention from './retention/plugin.js'
import audit from './routes/audit.js'
import bugs from './routes/bugs.js'
import designNotes from './routes/design-notes.js'
import events from './routes/events.js'
import search from './routes/search.js'
import statusUpdates from './routes/status-updates.js'
import tasks from './routes/tasks.js'
import webhookRoutes from './routes/webhooks.js'
import webhooks from './webhooks/plugin.js'

export const BODY_LIMIT = 1024 * 1024

export interface BuildOptions {
  /** Repositories to use instead of opening the configured backend (tests). */
  repos?: Repos
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: NodeJS.WritableStream
  /** The built web interface's folder instead of dist/ui (tests). */
  uiRoot?: string
  /** The time authentication judges token expiry and its rechecks by, instead of the system's (tests). */
  clock?: Clock
}

export async function buildApp(config: Config, options: BuildOptions = {}) {
  const perRequestLines = config.logLevel === 'debug' || config.logLevel === 'trace'
  const compilers = compileOnUse()
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // A request line per call costs about a quarter of GET throughput; keep them for debug and trace.
    logController: new LogController({ disableRequestLogging: !perRequestLines }),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // `/tasks/` answers exactly as `/tasks` does, and each route is registered (and documented) once,
    // without the slash.
    routerOptions: { ignoreTrailingSlash: true },
    // Behind a reverse proxy, the client's address comes from X-Forwarded-For, as far as TRUST_PROXY says.
    trustProxy: config.trustProxy,
    // A client that promises a body (or headers) and never sends it loses its socket instead of keeping it.
    requestTimeout: config.timeouts.requestMs,
    http: {
      headersTimeout: config.timeouts.headersMs,
      // Node checks those timeouts every 30 s by default, so a 10 s limit could take 40 s to apply.
      connectionsCheckingInterval: Math.min(1000, config.timeouts.headersMs),
    },
    frameworkErrors,
    clientErrorHandler,
    // Response schemas name the `text` format too; the serializer's own Ajv must know it.
    serializerOpts: { ajv: { formats: { [TEXT_FORMAT]: isAcceptableText } } },
    // One problem+json serializer for every route and status, compiled once.
    schemaController: { compilersFactory: { buildSerializer: serializerFactory(compilers) } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler(compilers))
  app.decorate('compileSchemas', compilers.compileAll)
  // Healthy first; then the schemas no request has needed yet are compiled between requests.
  app.addHook('onListen', async () => compilers.compileInBackground())
  app.addHook('onClose', async () => compilers.stop())
  // A keep-alive connection whose request was still being answered when shutdown began would keep close()
  // waiting out keepAliveTimeout (72 s) once idle: Fastify 5.12 closes idle connections only as it stops
  // listening (fastify/fastify#7044). Node sets a finished answer's idle timeout from this value, so from
  // here on each connection closes once its answer is sent (within about a second, as measured).
  app.addHook('preClose', async () => {
    app.server.keepAliveTimeout = 1
  })
  // JSON only: any other body, text/plain included, is a 415 rather than a string that fails later.
  app.removeContentTypeParser('text/plain')
  await app.register(jsonBodies)
  app.addSchema(Problem)

  await app.register(errors)
  await app.register(persistence, { config, repos: options.repos })
  if (config.retention !== undefined) await app.register(retention, config.retention)
  await app.register(rateLimiting, config.rateLimit)
  // Before auth: a browser's CORS preflight carries no credentials and is answered before they are asked.
  await app.register(browserHeaders, { corsOrigins: config.corsOrigins })
  // Before every route, so its onRoute hook gives each route its role (deny by default) and documents it.
  await app.register(auth, {
    failuresPerWindow: config.rateLimit.authFailuresPerWindow,
    windowMs: config.rateLimit.windowMs,
    ...(options.clock ? { clock: options.clock } : {}),
  })
  await app.register(openapi)
  await app.register(service)
  await app.register(me)
  await app.register(ui, { root: options.uiRoot })
  await app.register(tasks, { prefix: '/tasks' })
  await app.register(bugs, { prefix: '/bugs' })
  await app.register(statusUpdates, { prefix: '/status-updates' })
  await app.register(designNotes, { prefix: '/design-notes' })
  await app.register(audit, { prefix: '/audit-entries' })
  await app.register(webhooks, config.webhooks)
  await app.register(webhookRoutes, { prefix: '/webhooks' })
  await app.register(search, { prefix: '/search' })
  await app.register(events, { prefix: '/events', ...config.events })
  // Last: it answers 405 for the methods the routes above do not have.
  await app.register(methodNotAllowed)
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Compiles now the route validators and serializers no request has needed yet; returns how many. */
    compileSchemas(): number
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>
