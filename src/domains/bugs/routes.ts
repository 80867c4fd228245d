import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import { notFound } from '../../errors.js'
import { expectedVersion, setEtag, versionedWrite } from '../../http/concurrency.js'
import { decodeCreatedCursor, encodeCursor } from '../../http/cursor.js'
import { IdParams, NoContent, Page, problems, Version } from '../../http/schemas.js'
import { Bug, BugListQuery, CreateBugBody, PatchBugBody } from './schemas.js'

const bugs: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.bugs
  const tags = ['bugs']

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a bug',
        body: CreateBugBody,
        response: { 201: Bug, ...problems(400, 413, 415, 422, 500, 503) },
      },
    },
    async (request, reply) => {
      const bug = await repo.create(request.body, request.actor)
      setEtag(reply, bug.version)
      return reply.code(201).header('location', `/bugs/${bug.id}`).send(bug)
    },
  )

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List bugs, newest first',
        querystring: BugListQuery,
        response: { 200: Page(Bug), ...problems(400, 500, 503) },
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
        summary: 'Get a bug',
        params: IdParams,
        response: { 200: Bug, ...problems(400, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const bug = await repo.get(request.params.id)
      if (bug === undefined) throw notFound('Bug', request.params.id)
      setEtag(reply, bug.version)
      return bug
    },
  )

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a bug (needs If-Match or version)',
        params: IdParams,
        body: PatchBugBody,
        response: { 200: Bug, ...problems(400, 404, 409, 412, 413, 415, 422, 428, 500, 503) },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body
      const expected = expectedVersion(request, version)
      const bug = await versionedWrite(expected, (v) =>
        repo.update(request.params.id, changes, v, request.actor),
      )
      setEtag(reply, bug.version)
      return bug
    },
  )

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a bug (needs If-Match or ?version=)',
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

export default fp(bugs, {
  name: 'bugs',
  dependencies: ['persistence', 'actor', 'http-errors'],
  encapsulate: true,
})
