// /bugs: a resource with optimistic concurrency (ETag, If-Match), over the bug repository. A taskId that
// names no task is a 422 REFERENCE_NOT_FOUND, raised by the repository.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { Bug, BugListQuery, CreateBugBody, PatchBugBody } from '../domains/bugs/schemas.js'
import { decodeCreatedCursor } from '../http/cursor.js'
import { createRoute, deleteRoute, getRoute, listRoute, resource, updateRoute } from '../http/resource.js'

const bug = resource({ path: '/bugs', noun: 'Bug', entity: Bug, versionOf: (entity) => entity.version })

const bugs: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.bugs

  app.route(
    createRoute(bug, {
      summary: 'Create a bug',
      access: 'contributor',
      body: CreateBugBody,
      problems: [422],
      create: (body, actor) => repo.create(body, actor),
    }),
  )
  app.route(
    listRoute(bug, {
      summary: 'List bugs, newest first',
      access: 'viewer',
      querystring: BugListQuery,
      list: ({ limit, cursor, ...filter }) =>
        repo.list({ filter, limit, after: decodeCreatedCursor(cursor) }),
    }),
  )
  app.route(getRoute(bug, { summary: 'Get a bug', access: 'viewer', get: (id) => repo.get(id) }))
  app.route(
    updateRoute(bug, {
      summary: 'Change a bug (needs If-Match or version)',
      access: 'contributor',
      body: PatchBugBody,
      problems: [422],
      update: (id, changes, version, actor) => repo.update(id, changes, version, actor),
    }),
  )
  app.route(
    deleteRoute(bug, {
      summary: 'Delete a bug (needs If-Match or ?version=)',
      access: 'maintainer',
      delete: (id, version, actor) => repo.delete(id, version, actor),
    }),
  )
}

export default fp(bugs, {
  name: 'bugs',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
