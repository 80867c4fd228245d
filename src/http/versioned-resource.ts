// The routes of a resource with optimistic concurrency (tasks, bugs): create, list, get, PATCH and DELETE
// with If-Match or a stated version. Each domain supplies its schemas and repository; the HTTP rules of
// API.md (Location, ETag, 428/412/409, cursors) live here once.

import { type Static, type TObject, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyPluginAsync, FastifySchema } from 'fastify'
import { notFound } from '../errors.js'
import type { CreatedKey, ListRequest, Page } from '../persistence/contract.js'
import { expectedVersion, setEtag, versionedWrite } from './concurrency.js'
import { decodeCreatedCursor, encodeCursor } from './cursor.js'
import { IdParams, NoContent, Page as PageSchema, problems, Version } from './schemas.js'

interface Versioned {
  id: string
  version: number
}

export interface VersionedRepository<Entity, Create, Changes, Filter> {
  create(input: Create, actor: string): Promise<Entity>
  get(id: string): Promise<Entity | undefined>
  list(request: ListRequest<Filter, CreatedKey>): Promise<Page<Entity, CreatedKey>>
  update(id: string, changes: Changes, expectedVersion: number, actor: string): Promise<Entity>
  delete(id: string, expectedVersion: number, actor: string): Promise<void>
}

export interface VersionedResource<
  E extends TObject,
  C extends TObject,
  P extends TObject,
  Q extends TObject,
> {
  /** The URL prefix, e.g. `/tasks`, for `Location`. */
  path: string
  /** Singular, for messages: `Task`. */
  noun: string
  schemas: { entity: E; create: C; patch: P; listQuery: Q }
  /** Extra error statuses of writes, e.g. 422 for a reference to a missing task. */
  writeProblems?: number[]
  repository: (
    app: FastifyInstance,
  ) => VersionedRepository<
    Static<E> & Versioned,
    Static<C>,
    Omit<Static<P>, 'version'>,
    Omit<Static<Q>, 'limit' | 'cursor'>
  >
}

export function versionedResourceRoutes<
  E extends TObject,
  C extends TObject,
  P extends TObject,
  Q extends TObject,
>(resource: VersionedResource<E, C, P, Q>): FastifyPluginAsync {
  // The TypeBox provider cannot resolve schemas that are themselves type parameters, so requests are cast
  // to their schemas' static types here; the schemas still validate and serialize every request and answer.
  type Entity = Static<E> & Versioned
  type Id = { id: string }
  const { path, noun, schemas } = resource
  const tags = [path.slice(1)]
  const writeProblems = resource.writeProblems ?? []
  const plural = path.slice(1)
  // operationIds: createTask, listTasks, getTask, updateTask, deleteTask.
  const Plural = `${noun}s`

  return async (app) => {
    const repo = resource.repository(app)

    app.post(
      '/',
      {
        schema: <FastifySchema>{
          tags,
          operationId: `create${noun}`,
          summary: `Create a ${noun.toLowerCase()}`,
          body: schemas.create,
          response: { 201: schemas.entity, ...problems(400, 413, 415, ...writeProblems, 500, 503) },
        },
      },
      async (request, reply) => {
        const entity = await repo.create(request.body as Static<C>, request.actor)
        setEtag(reply, entity.version)
        return reply.code(201).header('location', `${path}/${entity.id}`).send(entity)
      },
    )

    app.get(
      '/',
      {
        schema: <FastifySchema>{
          tags,
          operationId: `list${Plural}`,
          summary: `List ${plural}, newest first`,
          querystring: schemas.listQuery,
          response: { 200: PageSchema(schemas.entity), ...problems(400, 500, 503) },
        },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query as Static<Q> & { limit: number; cursor?: string }
        const page = await repo.list({ filter, limit, after: decodeCreatedCursor(cursor) })
        return { items: page.items, nextCursor: encodeCursor(page.next) }
      },
    )

    app.get(
      '/:id',
      {
        schema: <FastifySchema>{
          tags,
          operationId: `get${noun}`,
          summary: `Get a ${noun.toLowerCase()}`,
          params: IdParams,
          response: { 200: schemas.entity, ...problems(400, 404, 500, 503) },
        },
      },
      async (request, reply) => {
        const entity = await repo.get((request.params as Id).id)
        if (entity === undefined) throw notFound(noun, (request.params as Id).id)
        setEtag(reply, entity.version)
        return entity
      },
    )

    app.patch(
      '/:id',
      {
        schema: <FastifySchema>{
          tags,
          operationId: `update${noun}`,
          summary: `Change a ${noun.toLowerCase()} (needs If-Match or version)`,
          params: IdParams,
          body: schemas.patch,
          response: {
            200: schemas.entity,
            ...problems(400, 404, 409, 412, 413, 415, ...writeProblems, 428, 500, 503),
          },
        },
      },
      async (request, reply) => {
        const { version, ...changes } = request.body as Static<P> & { version?: number }
        const expected = expectedVersion(request, version)
        const entity: Entity = await versionedWrite(expected, (v) =>
          repo.update((request.params as Id).id, changes, v, request.actor),
        )
        setEtag(reply, entity.version)
        return entity
      },
    )

    app.delete(
      '/:id',
      {
        schema: <FastifySchema>{
          tags,
          operationId: `delete${noun}`,
          summary: `Delete a ${noun.toLowerCase()} (needs If-Match or ?version=)`,
          params: IdParams,
          querystring: Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false }),
          response: { 204: NoContent, ...problems(400, 404, 409, 412, 428, 500, 503) },
        },
      },
      async (request, reply) => {
        const expected = expectedVersion(request, (request.query as { version?: number }).version)
        await versionedWrite(expected, (v) => repo.delete((request.params as Id).id, v, request.actor))
        return reply.code(204).send()
      },
    )
  }
}
