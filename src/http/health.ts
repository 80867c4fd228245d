// Service routes: /health tells a load balancer whether this instance can reach its database.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import { problems } from './schemas.js'

const Health = Type.Object({
  status: Type.Literal('ok'),
  persistence: Type.String(),
  schemaVersion: Type.Integer(),
})

const service: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['service'],
        operationId: 'getHealth',
        summary: 'Liveness and database reachability',
        description: 'Public. 200 while this instance can reach its database, 503 otherwise.',
        response: { 200: Health, ...problems(503) },
      },
      config: { access: 'public' },
    },
    async () => {
      const { schemaVersion } = await app.repos.health()
      return { status: 'ok' as const, persistence: app.repos.kind, schemaVersion }
    },
  )
}

export default fp(service, { name: 'service', dependencies: ['persistence'], encapsulate: true })
