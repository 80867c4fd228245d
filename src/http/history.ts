// The history routes of a versioned resource (tasks, bugs): its versions, one version, the entity as of a
// time, and restore (undelete included). The history itself is rebuilt by src/domains/audit/history.ts from
// the entity's audit entries; the repositories only read them, and restore is a plan on the one write path.
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import type { Access } from '../auth/roles.js'
import type { Role } from '../auth/schemas.js'
import { entityHistoryPruned, notFound } from '../core/errors.js'
import { Id, ListQuery, StringEnum, Timestamp, Version } from '../core/schemas.js'
import { asOf, atVersion, completeHistory, VERSION_ACTIONS, versionPage } from '../domains/audit/history.js'
import type { AuditRepository, HistoryEntity } from '../persistence/contract.js'
import { requireAccess } from './auth.js'
import { ifMatchVersion, setEtag, versionedWrite } from './concurrency.js'
import { canonicalTime, decodeSeqCursor, encodeCursor } from './cursor.js'
import {
  type DefaultedRouteSpec,
  type IdRequest,
  operation,
  type Resource,
  route,
  summarized,
} from './resource.js'
import { IdParams, Page, problems } from './schemas.js'

type Versioned = { version: number }

const VERSION_RANGE = { minimum: Version.minimum, maximum: Version.maximum }

export const VersionItem = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the write made (for a delete: deleted)' }),
    at: Timestamp,
    actor: Type.String(),
    action: StringEnum(VERSION_ACTIONS),
    changes: Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }), {
      description: 'The audit diff, { field: [before, after] }, without version and updatedAt',
    }),
  },
  { additionalProperties: false },
)

const VersionsQuery = ListQuery({})
const VersionParams = Type.Object({ id: Id, n: Version }, { additionalProperties: false })
const AsOfQuery = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'The entity as it was at this instant (404 if it did not exist then)',
      }),
    ),
  },
  { additionalProperties: false },
)
const RestoreBody = Type.Object(
  { version: Type.Integer({ ...VERSION_RANGE, description: 'The version whose fields to bring back' }) },
  { additionalProperties: false },
)

/** What the history routes of one resource read and write. */
export interface HistorySource<T> {
  entity: HistoryEntity
  audit: AuditRepository
  repo: {
    get: (id: string) => Promise<T | undefined>
    restore: (id: string, n: number, expectedVersion: number | undefined, actor: string) => Promise<T>
  }
}

/** The entity's entries and whole history, oldest first, or 404/410 (see completeHistory). */
async function historyOf<T>(source: HistorySource<T>, noun: string, id: string) {
  const entries = await source.audit.history(source.entity, id)
  const live = entries.length > 0 || (await source.repo.get(id)) !== undefined
  return { entries, steps: completeHistory<T>(entries, live, noun, id) }
}

/**
 * The entity as it was at `time`. Without any entry of it, it is unknown (404) unless the time is before the
 * oldest entry kept: then retention may have removed it (410).
 */
async function entityAsOf<T>(source: HistorySource<T>, noun: string, id: string, time: string) {
  const entries = await source.audit.history(source.entity, id)
  if (entries.length === 0 && (await source.repo.get(id)) === undefined) {
    const oldest = await source.audit.oldestKept()
    if (oldest !== undefined && oldest.seq > 1 && time < oldest.at)
      throw entityHistoryPruned(noun, id, oldest.seq)
    throw notFound(noun, id)
  }
  return asOf(completeHistory<T>(entries, true, noun, id), time)
}

/** GET /:id, which also answers `?asOf=`: the entity then, with the ETag of the version it was. */
export function getWithHistoryRoute<T extends Versioned>(
  resource: Resource<T>,
  source: HistorySource<T>,
  spec: DefaultedRouteSpec,
) {
  const schema = {
    params: IdParams,
    querystring: AsOfQuery,
    response: { 200: resource.entity, ...problems(400, 404, 410, 500, 503) },
  }
  const handler = async (request: IdRequest & { query: Static<typeof AsOfQuery> }, reply: FastifyReply) => {
    const { id } = request.params
    const { asOf: time } = request.query
    const found =
      time === undefined
        ? await source.repo.get(id)
        : await entityAsOf(source, resource.noun, id, canonicalTime(time, 'asOf'))
    if (found === undefined) throw notFound(resource.noun, id)
    setEtag(reply, found.version)
    return found
  }
  const summary = `Get ${resource.one}, or with ?asOf= the ${resource.noun.toLowerCase()} as it was then`
  const op = operation(resource, `get${resource.name}`, summarized(spec, summary))
  return route('GET', '/:id', op, schema, handler)
}

/** GET /:id/versions: every write of the entity, newest first, live or deleted. */
export function versionsRoute<T>(resource: Resource<T>, source: HistorySource<T>, spec: DefaultedRouteSpec) {
  const schema = {
    params: IdParams,
    querystring: VersionsQuery,
    response: { 200: Page(VersionItem), ...problems(400, 404, 410, 500, 503) },
  }
  const handler = async (request: IdRequest & { query: Static<typeof VersionsQuery> }) => {
    const { id } = request.params
    const after = decodeSeqCursor(request.query.cursor)
    const { entries } = await historyOf(source, resource.noun, id)
    const page = versionPage(entries, request.query.limit, after)
    return { items: page.items, nextCursor: encodeCursor(page.next) }
  }
  const summary = `List the versions of ${resource.one}, live or deleted, newest first`
  const op = operation(resource, `list${resource.name}Versions`, summarized(spec, summary))
  return route('GET', '/:id/versions', op, schema, handler)
}

/** GET /:id/versions/:n: the entity exactly as it was at version n, with `ETag: "n"`. */
export function versionRoute<T extends Versioned>(
  resource: Resource<T>,
  source: HistorySource<T>,
  spec: DefaultedRouteSpec,
) {
  const schema = {
    params: VersionParams,
    response: { 200: resource.entity, ...problems(400, 404, 410, 500, 503) },
  }
  const handler = async (request: { params: Static<typeof VersionParams> }, reply: FastifyReply) => {
    const { id, n } = request.params
    const found = atVersion((await historyOf(source, resource.noun, id)).steps, n)
    if (found === undefined) throw notFound(`${resource.noun} ${id} version`, String(n))
    setEtag(reply, n)
    return found
  }
  const summary = `Get ${resource.one} as it was at one version`
  const op = operation(resource, `get${resource.name}Version`, summarized(spec, summary))
  return route('GET', '/:id/versions/:n', op, schema, handler)
}

/**
 * POST /:id/restore `{ version }`: with If-Match (the current version) a new version with version n's fields;
 * without it an undelete, which needs `undeleteAccess` (the role that may delete).
 */
export function restoreRoute<T extends Versioned>(
  resource: Resource<T>,
  source: HistorySource<T>,
  spec: DefaultedRouteSpec & { undeleteAccess: Access },
) {
  const schema = {
    params: IdParams,
    body: RestoreBody,
    response: { 200: resource.entity, ...problems(400, 404, 409, 410, 412, 413, 415, 422, 500, 503) },
  }
  const handler = async (
    request: IdRequest & { body: Static<typeof RestoreBody>; role: Role | undefined },
    reply: FastifyReply,
  ) => {
    const { id } = request.params
    const n = request.body.version
    const current = ifMatchVersion(request)
    if (current === undefined) requireAccess(request, spec.undeleteAccess)
    const restored =
      current === undefined
        ? await source.repo.restore(id, n, undefined, request.actor)
        : await versionedWrite({ version: current, fromIfMatch: true }, (v) =>
            source.repo.restore(id, n, v, request.actor),
          )
    setEtag(reply, restored.version)
    return restored
  }
  const summary = `Restore a version of ${resource.one} (If-Match), or undelete it (no If-Match)`
  const op = operation(resource, `restore${resource.name}`, summarized(spec, summary))
  return route('POST', '/:id/restore', op, schema, handler, { undeleteAccess: spec.undeleteAccess })
}
