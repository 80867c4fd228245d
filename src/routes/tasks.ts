// /tasks: a resource with optimistic concurrency (ETag, If-Match), over the task repository. Deleting a task
// detaches its bugs and status updates; the repository does that in the same transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { CreateTaskBody, PatchTaskBody, Task, TaskListQuery } from '../domains/tasks/schemas.js'
import { decodeCreatedCursor } from '../http/cursor.js'
import { createRoute, deleteRoute, getRoute, listRoute, resource, updateRoute } from '../http/resource.js'

const task = resource({ path: '/tasks', noun: 'Task', entity: Task, versionOf: (entity) => entity.version })

const tasks: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.tasks

  app.route(
    createRoute(task, {
      summary: 'Create a task',
      access: 'contributor',
      body: CreateTaskBody,
      create: (body, actor) => repo.create(body, actor),
    }),
  )
  app.route(
    listRoute(task, {
      summary: 'List tasks, newest first',
      access: 'viewer',
      querystring: TaskListQuery,
      list: ({ limit, cursor, ...filter }) =>
        repo.list({ filter, limit, after: decodeCreatedCursor(cursor) }),
    }),
  )
  app.route(getRoute(task, { summary: 'Get a task', access: 'viewer', get: (id) => repo.get(id) }))
  app.route(
    updateRoute(task, {
      summary: 'Change a task (needs If-Match or version)',
      access: 'contributor',
      body: PatchTaskBody,
      update: (id, changes, version, actor) => repo.update(id, changes, version, actor),
    }),
  )
  app.route(
    deleteRoute(task, {
      summary: 'Delete a task (needs If-Match or ?version=)',
      access: 'maintainer',
      delete: (id, version, actor) => repo.delete(id, version, actor),
    }),
  )
}

export default fp(tasks, {
  name: 'tasks',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
