// The raw reference: a minimal Fastify server doing per request the database work trail does (same tables,
// indexes, pragmas, transactions and audit rows; better-sqlite3 or pg prepared statements directly), with
// trail's own TypeBox schemas (from dist/) for validation and serialization, but no ORM and no plugin layers.
// It implements only the routes the bench loads. Configured like trail: PERSISTENCE (sqlite | postgres),
// PERSIST_DB_PATH, SQLITE_SYNCHRONOUS, DATABASE_URL, PG_POOL_SIZE, HOST, PORT; REF_RESPONSE_SCHEMAS=0 drops
// the response schemas (JSON.stringify instead of fast-json-stringify), to measure what they are worth.
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import Fastify from 'fastify'
import { MAX_SEARCH_OFFSET } from '../../dist/src/core/paging.js'
import { AuditEntry, AuditListQuery } from '../../dist/src/domains/audit/schemas.js'
import { SearchHit, SearchQuery } from '../../dist/src/domains/search/schemas.js'
import {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateListQuery,
} from '../../dist/src/domains/status-updates/schemas.js'
import { CreateTaskBody, PatchTaskBody, Task } from '../../dist/src/domains/tasks/schemas.js'
import { IdParams, Page } from '../../dist/src/http/schemas.js'
import { badRequest, notImplemented, Problem, preconditionRequired, versionMismatch } from './problems.mjs'
import { searchPage, searchTerms, searchTypes } from './search.mjs'

const env = process.env
const persistence = env.PERSISTENCE ?? 'sqlite'
const store =
  persistence === 'postgres'
    ? await (await import('./postgres-store.mjs')).openPostgresStore({
        url: env.DATABASE_URL,
        poolSize: Number(env.PG_POOL_SIZE ?? 10),
      })
    : await (await import('./sqlite-store.mjs')).openSqliteStore({
        path: env.PERSIST_DB_PATH ?? 'data/reference.db',
        synchronous: env.SQLITE_SYNCHRONOUS ?? 'NORMAL',
      })

// Validation as trail configures Ajv (src/http/validation.ts): bodies never coerced or stripped, query
// strings and params coerced from text.
const options = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false }
const forBody = new Ajv({ ...options, coerceTypes: false })
const forText = new Ajv({ ...options, coerceTypes: 'array' })
addFormats.default(forBody)
addFormats.default(forText)

const responses = env.REF_RESPONSE_SCHEMAS === '0' ? () => ({}) : (response) => ({ response })

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, return503OnClosing: true })
app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forBody : forText).compile(schema))

app.setErrorHandler((error, _request, reply) => {
  if (error instanceof Problem) {
    if (error.extra.currentVersion !== undefined) reply.header('etag', `"${error.extra.currentVersion}"`)
    return reply
      .code(error.status)
      .type('application/problem+json')
      .send({ status: error.status, code: error.code, detail: error.message, ...error.extra })
  }
  if (error.validation) {
    return reply
      .code(400)
      .type('application/problem+json')
      .send({ status: 400, code: 'VALIDATION_FAILED', detail: error.message })
  }
  console.error(error)
  return reply.code(500).type('application/problem+json').send({ status: 500, code: 'INTERNAL' })
})

const ACTOR = /^[^\p{Cc}]*[^\p{Cc}\s][^\p{Cc}]*$/u
function actorOf(request) {
  const header = request.headers['x-actor']
  if (header === undefined) return 'anonymous'
  if (typeof header !== 'string' || header.length > 200 || !ACTOR.test(header)) {
    throw badRequest('X-Actor must be one name of 1 to 200 printable characters')
  }
  return header.trim()
}

const IF_MATCH = /^\s*(?:W\/)?"(\d{1,10})"\s*$/
function expectedVersion(request, stated) {
  const header = request.headers['if-match']
  if (header === undefined) {
    if (stated === undefined) throw preconditionRequired()
    return { version: stated, fromIfMatch: false }
  }
  const match = IF_MATCH.exec(header)
  if (!match) throw badRequest('If-Match must be one entity tag as sent in ETag, e.g. "3"')
  const version = Number(match[1])
  if (stated !== undefined && stated !== version) throw badRequest('If-Match and version disagree')
  return { version, fromIfMatch: true }
}

// Cursors as trail encodes them (src/http/cursor.ts): base64url JSON of the last row's keyset position.
const checkCreatedKey = forBody.compile({
  type: 'object',
  properties: { createdAt: { type: 'string', format: 'date-time' }, id: { type: 'string', format: 'uuid' } },
  required: ['createdAt', 'id'],
  additionalProperties: false,
})
const checkSeqKey = forBody.compile({
  type: 'object',
  properties: { seq: { type: 'integer', minimum: 1 } },
  required: ['seq'],
  additionalProperties: false,
})
function decodeCursor(cursor, check) {
  if (cursor === undefined) return undefined
  let value
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!check(value))
    throw badRequest('The cursor is malformed; pass nextCursor from a previous page unchanged')
  return value
}
const checkOffsetKey = forBody.compile({
  type: 'object',
  properties: { offset: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_OFFSET } },
  required: ['offset'],
  additionalProperties: false,
})
const encodeCursor = (key) => Buffer.from(JSON.stringify(key)).toString('base64url')

function page(rows, limit, keyOf) {
  if (rows.length <= limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, limit)
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) }
}

app.get('/health', async () => ({
  status: 'ok',
  persistence: store.kind,
  schemaVersion: await store.health(),
}))

app.post(
  '/tasks',
  { schema: { body: CreateTaskBody, ...responses({ 201: Task }) } },
  async (request, reply) => {
    const task = await store.createTask(request.body, actorOf(request))
    return reply
      .code(201)
      .header('etag', `"${task.version}"`)
      .header('location', `/tasks/${task.id}`)
      .send(task)
  },
)

app.get(
  '/tasks/:id',
  { schema: { params: IdParams, ...responses({ 200: Task }) } },
  async (request, reply) => {
    actorOf(request)
    const task = await store.getTask(request.params.id)
    if (task === undefined) throw new Problem(404, 'NOT_FOUND', `Task ${request.params.id} does not exist`)
    reply.header('etag', `"${task.version}"`)
    return task
  },
)

app.patch(
  '/tasks/:id',
  { schema: { params: IdParams, body: PatchTaskBody, ...responses({ 200: Task }) } },
  async (request, reply) => {
    const actor = actorOf(request)
    const { version, ...changes } = request.body
    const expected = expectedVersion(request, version)
    let task
    try {
      task = await store.updateTask(request.params.id, changes, expected.version, actor)
    } catch (error) {
      if (expected.fromIfMatch && error instanceof Problem && error.code === 'VERSION_MISMATCH') {
        throw versionMismatch(error.extra.currentVersion, 412)
      }
      throw error
    }
    reply.header('etag', `"${task.version}"`)
    return task
  },
)

app.post(
  '/status-updates',
  { schema: { body: CreateStatusUpdateBody, ...responses({ 201: StatusUpdate }) } },
  async (request, reply) => {
    const update = await store.createStatusUpdate(request.body, actorOf(request))
    return reply.code(201).header('location', `/status-updates/${update.id}`).send(update)
  },
)

app.get(
  '/status-updates',
  { schema: { querystring: StatusUpdateListQuery, ...responses({ 200: Page(StatusUpdate) }) } },
  async (request) => {
    actorOf(request)
    const { limit, cursor, ...filter } = request.query
    if (Object.keys(filter).length > 0) throw notImplemented('status update filters')
    const key = decodeCursor(cursor, checkCreatedKey)
    const after = key && { createdAt: Date.parse(new Date(key.createdAt).toISOString()), id: key.id }
    const rows = await store.listStatusUpdates(limit + 1, after)
    return page(rows, limit, (row) => ({ createdAt: row.createdAt, id: row.id }))
  },
)

app.get(
  '/audit-entries',
  { schema: { querystring: AuditListQuery, ...responses({ 200: Page(AuditEntry) }) } },
  async (request) => {
    actorOf(request)
    const { limit, cursor, entityId, ...filter } = request.query
    if (Object.keys(filter).length > 0) throw notImplemented('audit filters other than entityId')
    const key = decodeCursor(cursor, checkSeqKey)
    const rows = await store.listAudit(entityId, limit + 1, key?.seq)
    return page(rows, limit, (row) => ({ seq: row.seq }))
  },
)

app.get(
  '/search',
  { schema: { querystring: SearchQuery, ...responses({ 200: Page(SearchHit) }) } },
  async (request) => {
    actorOf(request)
    const { q, types, limit, cursor } = request.query
    const after = decodeCursor(cursor, checkOffsetKey)
    const terms = searchTerms(q)
    const rows = await store.search(terms, searchTypes(types), limit + 1, after?.offset ?? 0)
    const { items, next } = searchPage(rows, terms, limit, after)
    return { items, nextCursor: next === null ? null : encodeCursor(next) }
  },
)

async function shutdown() {
  await app.close()
  await store.close()
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)

await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 3001) })
