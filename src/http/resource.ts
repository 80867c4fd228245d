// The routes of every resource, in one style. A route file is one `resourcePlugin` whose routes are calls
// to these helpers, `app.route(getRoute(task, repo, { … }))`. Each helper holds the HTTP rules of
// docs/API.md for its kind of route once (operationIds, problem documents, Location, ETag, 404s, cursors,
// If-Match with 428/412/409), calls the repository method of that kind itself, and returns the options of
// one route. The route is registered at the call site, where its schemas are concrete, so the TypeBox
// provider types the request and the answer there: nothing is cast.
//
// Every route declares the least role it needs (`access`) beside it; src/http/auth.ts enforces it.
import type { IncomingHttpHeaders } from 'node:http'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type TSchema, Type } from '@sinclair/typebox'
import type { FastifyReply, HTTPMethods } from 'fastify'
import fp from 'fastify-plugin'
import type { Access } from '../auth/roles.js'
import { notFound } from '../core/errors.js'
import type { CreatedKey, ListRequest, OffsetKey, Page, SeqKey } from '../core/paging.js'
import { Version } from '../core/schemas.js'
import { expectedVersion, setEtag, versionedWrite } from './concurrency.js'
import { decodeCreatedCursor, encodeCursor } from './cursor.js'
import { IdParams, NoContent, Page as PageSchema, problems } from './schemas.js'

/** A TypeBox schema whose static type is `T`: every schema is one, so `T` is inferred from it. */
type Schema<T> = TSchema & { static: T }

export interface ResourceSpec<T> {
  /** The URL prefix, for `Location`; without its slash, the OpenAPI tag unless `tag` says otherwise. */
  path: string
  tag?: string
  /** Singular, for messages (`Status update not found`) and operationIds (createStatusUpdate). */
  noun: string
  entity: Schema<T>
  /** The version an entity's ETag carries; only resources with optimistic concurrency have one. */
  versionOf?: (entity: T) => number
}

export interface Resource<T> extends ResourceSpec<T> {
  tags: string[]
  /** For operationIds: `StatusUpdate` (createStatusUpdate, getStatusUpdate), `StatusUpdates` (list…). */
  name: string
  plural: string
  /** For the summaries the helpers write: `a status update`, `an audit entry`. */
  one: string
}

/** Declares a resource; `T` comes from its entity schema. */
export function resource<T>(spec: ResourceSpec<T>): Resource<T> {
  const name = spec.noun.replace(/(?:^|\s)(\w)/g, (_, letter: string) => letter.toUpperCase())
  // The nouns are regular English: entry → entries, task → tasks.
  const plural = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`
  const lower = spec.noun.toLowerCase()
  const one = `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`
  return { ...spec, tags: [spec.tag ?? spec.path.slice(1)], name, plural, one }
}

/**
 * A route file's plugin: encapsulated, named `name` for the plugins that depend on it, and registered after
 * what every resource needs: persistence for `app.repos`, auth for the roles each route declares, and
 * http-errors for the problem documents.
 */
export function resourcePlugin<Options extends object = Record<never, never>>(
  name: string,
  routes: FastifyPluginAsyncTypebox<Options>,
) {
  return fp(routes, { name, dependencies: ['persistence', 'auth', 'http-errors'], encapsulate: true })
}

export interface RouteSpec {
  summary: string
  /** The least role the route needs (when API tokens are in use). */
  access: Access
}

/**
 * The spec of a route whose helper says what it does in a summary of its own (`Delete a task (needs If-Match
 * or ?version=)`), from the resource's noun and the HTTP rules it holds; `summary` replaces it.
 */
export type DefaultedRouteSpec = Omit<RouteSpec, 'summary'> & { summary?: string }

interface Versioned {
  version: number
}

export interface IdRequest {
  params: { id: string }
  headers: IncomingHttpHeaders
  actor: string
}

/** What OpenAPI says of an operation before its own schemas: its tag, its operationId and its summary. */
interface Operation extends RouteSpec {
  tags: string[]
  operationId: string
}

export const operation = <T>(resource: Resource<T>, operationId: string, spec: RouteSpec): Operation => ({
  tags: resource.tags,
  operationId,
  summary: spec.summary,
  access: spec.access,
})

/** The spec with the helper's own summary when it gives none (see DefaultedRouteSpec). */
export const summarized = (spec: DefaultedRouteSpec, summary: string): RouteSpec => ({
  ...spec,
  summary: spec.summary ?? summary,
})

/**
 * The options of a route whose handler is written at the call site (`app.post(url, routeOptions(…), handler)`):
 * the operation heads its schema, in the order the OpenAPI document shows, and its role is in `config`.
 */
export const routeOptions = <S>(op: Operation, schema: S) => ({
  schema: { tags: op.tags, operationId: op.operationId, summary: op.summary, ...schema },
  config: { access: op.access },
})

/** One route's options, handler included. */
export const route = <S, H>(
  method: HTTPMethods,
  url: string,
  op: Operation,
  schema: S,
  handler: H,
  config: { undeleteAccess?: Access } = {},
) => {
  const options = routeOptions(op, schema)
  return { method, url, schema: options.schema, config: { ...options.config, ...config }, handler }
}

export function setVersionEtag<T>(resource: Resource<T>, reply: FastifyReply, entity: T) {
  if (resource.versionOf) setEtag(reply, resource.versionOf(entity))
}

// The repository parameters below are function-typed properties, not methods, so TypeScript checks their
// parameters strictly: a create route whose body schema allows less than the repository needs fails to compile.

/** POST /: 201 with `Location`, and the ETag of a versioned resource. */
export function createRoute<T extends { id: string }, B>(
  resource: Resource<T>,
  repo: { create: (input: NoInfer<B>, actor: string) => Promise<NoInfer<T>> },
  spec: DefaultedRouteSpec & {
    body: Schema<B>
    /** Error statuses of this write beyond the common ones, e.g. 422 for a reference to nothing. */
    problems?: number[]
  },
) {
  const schema = {
    body: spec.body,
    response: { 201: resource.entity, ...problems(400, 413, 415, ...(spec.problems ?? []), 500, 503) },
  }
  const handler = async (request: { body: B; actor: string }, reply: FastifyReply) => {
    const created = await repo.create(request.body, request.actor)
    setVersionEtag(resource, reply, created)
    reply.code(201).header('location', `${resource.path}/${created.id}`)
    return created
  }
  const op = operation(resource, `create${resource.name}`, summarized(spec, `Create ${resource.one}`))
  return route('POST', '/', op, schema, handler)
}

/** GET /: one page in the list's order, with an opaque cursor to the next. */
export function listRoute<T, Q>(
  resource: Resource<T>,
  spec: RouteSpec & {
    querystring: Schema<Q>
    list: (query: Q) => Promise<Page<T, CreatedKey | SeqKey | OffsetKey>>
  },
) {
  const schema = {
    querystring: spec.querystring,
    response: { 200: PageSchema(resource.entity), ...problems(400, 500, 503) },
  }
  const handler = async (request: { query: Q }) => {
    const page = await spec.list(request.query)
    return { items: page.items, nextCursor: encodeCursor(page.next) }
  }
  return route('GET', '/', operation(resource, `list${resource.plural}`, spec), schema, handler)
}

/**
 * The `list` of a list whose query is its filters, `limit` and `cursor` (no options), newest first: the
 * filters go to the repository as they are, the cursor decoded.
 */
export function newestFirst<T, Q extends { limit: number; cursor?: string | undefined }>(repo: {
  list: (request: ListRequest<Omit<Q, 'limit' | 'cursor'>, CreatedKey>) => Promise<Page<T, CreatedKey>>
}) {
  return ({ limit, cursor, ...filter }: Q) => repo.list({ filter, limit, after: decodeCreatedCursor(cursor) })
}

/** GET /:id: the entity (with its ETag when versioned), or 404. */
export function getRoute<T>(
  resource: Resource<T>,
  repo: { get: (id: string) => Promise<NoInfer<T> | undefined> },
  spec: DefaultedRouteSpec,
) {
  const schema = {
    params: IdParams,
    response: { 200: resource.entity, ...problems(400, 404, 500, 503) },
  }
  const handler = async (request: IdRequest, reply: FastifyReply) => {
    const found = await repo.get(request.params.id)
    if (found === undefined) throw notFound(resource.noun, request.params.id)
    setVersionEtag(resource, reply, found)
    return found
  }
  const op = operation(resource, `get${resource.name}`, summarized(spec, `Get ${resource.one}`))
  return route('GET', '/:id', op, schema, handler)
}

/** PATCH /:id: a versioned change, the version from If-Match or the body's `version`. */
export function updateRoute<T extends Versioned, B extends { version?: number }>(
  resource: Resource<T>,
  repo: {
    update: (
      id: string,
      changes: Omit<NoInfer<B>, 'version'>,
      expectedVersion: number,
      actor: string,
    ) => Promise<NoInfer<T>>
  },
  spec: DefaultedRouteSpec & { body: Schema<B>; problems?: number[] },
) {
  const schema = {
    params: IdParams,
    body: spec.body,
    response: {
      200: resource.entity,
      ...problems(400, 404, 409, 412, 413, 415, ...(spec.problems ?? []), 428, 500, 503),
    },
  }
  const handler = async (request: IdRequest & { body: B }, reply: FastifyReply) => {
    const { version, ...changes } = request.body
    const expected = expectedVersion(request, version)
    const updated = await versionedWrite(expected, (v) =>
      repo.update(request.params.id, changes, v, request.actor),
    )
    setEtag(reply, updated.version)
    return updated
  }
  const summary = `Change ${resource.one} (needs If-Match or version)`
  const op = operation(resource, `update${resource.name}`, summarized(spec, summary))
  return route('PATCH', '/:id', op, schema, handler)
}

const DeleteQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false })

/** DELETE /:id: a versioned delete, the version from If-Match or `?version=`; 204. */
export function deleteRoute<T extends Versioned>(
  resource: Resource<T>,
  repo: { delete: (id: string, expectedVersion: number, actor: string) => Promise<void> },
  spec: DefaultedRouteSpec,
) {
  const schema = {
    params: IdParams,
    querystring: DeleteQuery,
    response: { 204: NoContent, ...problems(400, 404, 409, 412, 428, 500, 503) },
  }
  const handler = async (request: IdRequest & { query: { version?: number } }, reply: FastifyReply) => {
    const expected = expectedVersion(request, request.query.version)
    await versionedWrite(expected, (v) => repo.delete(request.params.id, v, request.actor))
    reply.code(204).send()
  }
  const summary = `Delete ${resource.one} (needs If-Match or ?version=)`
  const op = operation(resource, `delete${resource.name}`, summarized(spec, summary))
  return route('DELETE', '/:id', op, schema, handler)
}

/** GET of a fixed path under the resource (`/head`): `read` answers it; undefined is a 404 saying `missing`. */
export function readRoute<R, T>(
  resource: Resource<R>,
  url: string,
  operationId: string,
  spec: RouteSpec & { entity: Schema<T>; read: () => Promise<NoInfer<T> | undefined>; missing: string },
) {
  const schema = { response: { 200: spec.entity, ...problems(404, 500, 503) } }
  const handler = async () => {
    const found = await spec.read()
    if (found === undefined) throw notFound(spec.missing)
    return found
  }
  return route('GET', url, operation(resource, operationId, spec), schema, handler)
}
