// The OpenAPI 3.1 document, generated from the route schemas, and the browsable UI at /docs.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'

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
          { name: 'service' },
        ],
      },
    })
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
