// /status-updates: posted once and never changed, so no versions: create, list and get.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateListQuery,
} from '../domains/status-updates/schemas.js'
import { canonicalTime, decodeCreatedCursor } from '../http/cursor.js'
import { createRoute, getRoute, listRoute, resource } from '../http/resource.js'

const statusUpdate = resource({ path: '/status-updates', noun: 'Status update', entity: StatusUpdate })

const statusUpdates: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.statusUpdates

  app.route(
    createRoute(statusUpdate, {
      summary: 'Post a status update (immutable once written)',
      access: 'contributor',
      body: CreateStatusUpdateBody,
      problems: [422],
      create: (body, actor) => repo.create(body, actor),
    }),
  )
  app.route(
    listRoute(statusUpdate, {
      summary: 'List status updates, newest first',
      access: 'viewer',
      querystring: StatusUpdateListQuery,
      list: ({ limit, cursor, since, ...filter }) =>
        repo.list({
          filter: { ...filter, ...(since === undefined ? {} : { since: canonicalTime(since, 'since') }) },
          limit,
          after: decodeCreatedCursor(cursor),
        }),
    }),
  )
  app.route(
    getRoute(statusUpdate, { summary: 'Get a status update', access: 'viewer', get: (id) => repo.get(id) }),
  )
}

export default fp(statusUpdates, {
  name: 'status-updates',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
