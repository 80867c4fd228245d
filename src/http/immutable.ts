import type { FastifyInstance } from 'fastify'
import { methodNotAllowed } from '../errors.js'
import { IdParams, problems } from './schemas.js'

/**
 * Answers 405 (with `Allow`) to PATCH, PUT and DELETE on `/:id` of a resource that never changes. Hidden
 * from the OpenAPI document: these are not operations a client can use.
 */
export function refuseChanges(app: FastifyInstance, tags: string[]) {
  app.route({
    method: ['PATCH', 'PUT', 'DELETE'],
    url: '/:id',
    schema: {
      hide: true,
      tags,
      summary: 'Not allowed: this resource is immutable',
      params: IdParams,
      response: problems(405),
    },
    handler: async () => {
      throw methodNotAllowed(['GET', 'HEAD'])
    },
  })
}
