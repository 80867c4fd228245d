import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { CreateDesignNoteBody, DesignNote, DesignNoteListQuery } from '../domains/design-notes/schemas.js'
import { notFound } from '../errors.js'
import { decodeCreatedCursor, encodeCursor } from '../http/cursor.js'
import { IdParams, Page, problems } from '../http/schemas.js'

const designNotes: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.designNotes
  const tags = ['design-notes']

  app.post(
    '/',
    {
      schema: {
        tags,
        operationId: 'createDesignNote',
        summary: 'Write a design note; with `supersedes`, also marks the older note superseded',
        body: CreateDesignNoteBody,
        response: { 201: DesignNote, ...problems(400, 409, 413, 415, 422, 500, 503) },
      },
    },
    async (request, reply) => {
      const note = await repo.create(request.body, request.actor)
      return reply.code(201).header('location', `/design-notes/${note.id}`).send(note)
    },
  )

  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listDesignNotes',
        summary: 'List design notes, oldest first unless order=desc',
        querystring: DesignNoteListQuery,
        response: { 200: Page(DesignNote), ...problems(400, 500, 503) },
      },
    },
    async (request) => {
      const { limit, cursor, order, ...filter } = request.query
      const page = await repo.list({ filter, order, limit, after: decodeCreatedCursor(cursor) })
      return { items: page.items, nextCursor: encodeCursor(page.next) }
    },
  )

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getDesignNote',
        summary: 'Get a design note',
        params: IdParams,
        response: { 200: DesignNote, ...problems(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const note = await repo.get(request.params.id)
      if (note === undefined) throw notFound('Design note', request.params.id)
      return note
    },
  )
}

export default fp(designNotes, {
  name: 'design-notes',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
