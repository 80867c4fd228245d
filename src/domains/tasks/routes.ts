import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import { notFound } from '../../errors.js'
import { expectedVersion, setEtag, versionedWrite } from '../../http/concurrency.js'
import { decodeCreatedCursor, encodeCursor } from '../../http/cursor.js'
import { IdParams, NoContent, Page, problems, Version } from '../../http/schemas.js'
import { CreateTaskBody, PatchTaskBody, Task, TaskListQuery } from './schemas.js'

const tasks: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.tasks
  const tags = ['tasks']

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a task',
        body: CreateTaskBody,
        response: { 201: Task, ...problems(400, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => {
      const task = await repo.create(request.body, request.actor)
      setEtag(reply, task.version)
      return reply.code(201).header('location', `/tasks/${task.id}`).send(task)
    },
  )

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List tasks, newest first',
        querystring: TaskListQuery,
        response: { 200: Page(Task), ...problems(400, 500, 503) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query
      const page = await repo.list({ filter, limit, after: decodeCreatedCursor(cursor) })
      return { items: page.items, nextCursor: encodeCursor(page.next) }
    },
  )

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Get a task',
        params: IdParams,
        response: { 200: Task, ...problems(400, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const task = await repo.get(request.params.id)
      if (task === undefined) throw notFound('Task', request.params.id)
      setEtag(reply, task.version)
      return task
    },
  )

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a task (needs If-Match or version)',
        params: IdParams,
        body: PatchTaskBody,
        response: { 200: Task, ...problems(400, 404, 409, 412, 413, 415, 428, 500, 503) },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body
      const expected = expectedVersion(request, version)
      const task = await versionedWrite(expected, (v) =>
        repo.update(request.params.id, changes, v, request.actor),
      )
      setEtag(reply, task.version)
      return task
    },
  )

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a task (needs If-Match or ?version=); its bugs and status updates keep taskId null',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false }),
        response: { 204: NoContent, ...problems(400, 404, 409, 412, 428, 500, 503) },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request, request.query.version)
      await versionedWrite(expected, (v) => repo.delete(request.params.id, v, request.actor))
      return reply.code(204).send()
    },
  )
}

export default fp(tasks, {
  name: 'tasks',
  dependencies: ['persistence', 'actor', 'http-errors'],
  encapsulate: true,
})
