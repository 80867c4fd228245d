// The OpenAPI 3.1 document, generated from the route schemas, and the browsable UI at /docs.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import { declareScopeAccess } from './auth.js'

/**
 * The one inline style the docs page applies: the <style> of the Swagger logo that swagger-ui's standalone
 * preset renders. Allowed by its hash and nothing else (a test checks the installed preset still has it).
 */
export const DOCS_INLINE_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}'

/** The Content-Security-Policy of /docs and its assets: same-origin scripts, styles and images only. */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  `style-src 'self' 'sha256-${createHash('sha256').update(DOCS_INLINE_STYLE).digest('base64')}'`,
].join('; ')

/**
 * swagger-ui's own assets, where npm installed them. The server runs bundled (scripts/bundle.mjs), and the
 * plugin inlined there cannot find the files beside its code, so it is given their folder and its logo, as its
 * README's "Bundling" says.
 */
const SWAGGER_UI_ASSETS = join(
  dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
  'static',
)

interface Parameter {
  in?: string
  required?: boolean
  schema?: { default?: unknown }
}

/**
 * A query parameter with a default (`limit`) may be left out: the route schema lists it as required only
 * so that the handler always sees the default.
 */
function optionalDefaults<D extends { paths?: object }>(document: D): D {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values((item ?? {}) as object)) {
      const parameters = (operation as { parameters?: Parameter[] }).parameters ?? []
      for (const parameter of parameters) {
        if (parameter.in === 'query' && parameter.schema?.default !== undefined) parameter.required = false
      }
    }
  }
  return document
}

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'trail',
          version: '0.1.0',
          description:
            'Tasks, bugs, status updates, design notes and an audit trail of every change. ' +
            'Errors are RFC 9457 problem+json with a stable `code`; tasks and bugs use optimistic ' +
            'concurrency through ETag/If-Match; lists page with an opaque `cursor`.',
        },
        // Relative: the document describes the server that serves it.
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API token from `trail tokens create`',
            },
          },
        },
        tags: [
          { name: 'tasks' },
          { name: 'bugs' },
          { name: 'status-updates' },
          { name: 'design-notes' },
          { name: 'audit' },
          { name: 'webhooks' },
          { name: 'search' },
          { name: 'events' },
          { name: 'service' },
        ],
      },
      // Shared schemas keep their own name (`Problem`) rather than `def-0`.
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
      transformObject: (documents) =>
        optionalDefaults('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
    })
    // The browsable docs stay open, like /openapi.json. Their routes come from @fastify/swagger-ui, which
    // takes no route config, so the scope that registers it declares their access.
    await app.register(async (docs) => {
      declareScopeAccess(docs, 'public')
      await docs.register(swaggerUi, {
        routePrefix: '/docs',
        staticCSP: DOCS_CSP,
        baseDir: SWAGGER_UI_ASSETS,
        logo: { type: 'image/svg+xml', content: await readFile(join(SWAGGER_UI_ASSETS, 'logo.svg')) },
      })
    })
    app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
      app.swagger(),
    )
  },
  { name: 'openapi', dependencies: ['auth'] },
)
