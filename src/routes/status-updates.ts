import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateListQuery,
} from '../domains/status-updates/schemas.js'
import { notFound } from '../errors.js'
import { canonicalTime, decodeCreatedCursor, encodeCursor } from '../http/cursor.js'
import { IdParams, Page, problems } from '../http/schemas.js'

const statusUpdates: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.statusUpdates
  const tags = ['status-updates']

  app.post(
    '/',
    {
      schema: {
        tags,
        operationId: 'createStatusUpdate',
        summary: 'Post a status update (immutable once written)',
        body: CreateStatusUpdateBody,
        response: { 201: StatusUpdate, ...problems(400, 413, 415, 422, 500, 503) },
      },
    },
    async (request, reply) => {
      const update = await repo.create(request.body, request.actor)
      return reply.code(201).header('location', `/status-updates/${update.id}`).send(update)
    },
  )

  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listStatusUpdates',
        summary: 'List status updates, newest first',
        querystring: StatusUpdateListQuery,
        response: { 200: Page(StatusUpdate), ...problems(400, 500, 503) },
      },
    },
    async (request) => {
      const { limit, cursor, since, ...filter } = request.query
      const page = await repo.list({
        filter: { ...filter, ...(since === undefined ? {} : { since: canonicalTime(since, 'since') }) },
        limit,
        after: decodeCreatedCursor(cursor),
      })
      return { items: page.items, nextCursor: encodeCursor(page.next) }
    },
  )

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getStatusUpdate',
        summary: 'Get a status update',
        params: IdParams,
        response: { 200: StatusUpdate, ...problems(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const update = await repo.get(request.params.id)
      if (update === undefined) throw notFound('Status update', request.params.id)
      return update
    },
  )
}

export default fp(statusUpdates, {
  name: 'status-updates',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
