// The minimal reference: the service as someone might write it by hand instead of adopting trail. Fastify with
// JSON schemas for bodies and responses, better-sqlite3 prepared statements, WAL with synchronous=NORMAL,
// integer keys, each write and its audit row in one immediate transaction, and only the index its reads need
// (schema.mjs). No ORM, no plugins, no roles, no rate limit, no security headers, no problem+json, no OpenAPI,
// no request log. It serves the routes the bench loads (lib/scenarios.mjs), with integer ids; a list cursor is
// the last id of the page. Configured by PERSIST_DB_PATH, SQLITE_SYNCHRONOUS, HOST and PORT. Its limits are
// `LIMIT +?`, as trail's: SQLite prepares a statement with a bare `LIMIT ?` again each time the limit is bound.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { MINIMAL_SCHEMA } from './schema.mjs'

const env = process.env
const path = env.PERSIST_DB_PATH ?? 'data/minimal.db'
mkdirSync(dirname(path), { recursive: true })
const db = new Database(path, { timeout: 5000 })
db.pragma('journal_mode = WAL')
db.pragma(`synchronous = ${env.SQLITE_SYNCHRONOUS ?? 'NORMAL'}`)
db.pragma('foreign_keys = ON')
db.exec(MINIMAL_SCHEMA)

const TASK_FIELDS = 'id, title, status, priority, assignees, rationale_log, version, created_at, updated_at'
const sql = {
  insertTask: db.prepare(
    `INSERT INTO tasks (title, status, priority, assignees, rationale_log, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ),
  selectTask: db.prepare(`SELECT ${TASK_FIELDS} FROM tasks WHERE id = ?`),
  updateTask: db.prepare(
    `UPDATE tasks SET title = ?, status = ?, priority = ?, assignees = ?, rationale_log = ?, version = ?,
       updated_at = ? WHERE id = ?`,
  ),
  insertStatusUpdate: db.prepare(
    'INSERT INTO status_updates (actor, task_id, message, created_at) VALUES (?, ?, ?, ?)',
  ),
  newestStatusUpdates: db.prepare(
    'SELECT id, actor, task_id, message, created_at FROM status_updates ORDER BY id DESC LIMIT +?',
  ),
  statusUpdatesBefore: db.prepare(
    'SELECT id, actor, task_id, message, created_at FROM status_updates WHERE id < ? ORDER BY id DESC LIMIT +?',
  ),
  auditOf: db.prepare(
    `SELECT seq, actor, entity, entity_id, action, at, diff FROM audit_entries
       WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT +?`,
  ),
  auditOfBefore: db.prepare(
    `SELECT seq, actor, entity, entity_id, action, at, diff FROM audit_entries
       WHERE entity = ? AND entity_id = ? AND seq < ? ORDER BY seq DESC LIMIT +?`,
  ),
  insertAudit: db.prepare(
    'INSERT INTO audit_entries (actor, entity, entity_id, action, at, diff) VALUES (?, ?, ?, ?, ?, ?)',
  ),
}

const iso = (ms) => new Date(ms).toISOString()
const taskOf = (row) => ({
  id: row.id,
  title: row.title,
  status: row.status,
  priority: row.priority,
  assignees: JSON.parse(row.assignees),
  rationaleLog: JSON.parse(row.rationale_log),
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
})
const statusUpdateOf = (row) => ({
  id: row.id,
  actor: row.actor,
  taskId: row.task_id,
  message: row.message,
  createdAt: iso(row.created_at),
})
const auditOf = (row) => ({
  seq: row.seq,
  actor: row.actor,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  at: iso(row.at),
  diff: JSON.parse(row.diff),
})

/** `{ field: [before, after] }` of the fields that differ (all of them on create). */
function diff(before, after) {
  const result = {}
  for (const key of Object.keys(after)) {
    const from = before ? before[key] : null
    if (before === null || JSON.stringify(from) !== JSON.stringify(after[key]))
      result[key] = [from, after[key]]
  }
  return JSON.stringify(result)
}
const audit = (actor, entity, id, action, at, before, after) =>
  sql.insertAudit.run(actor, entity, id, action, at, diff(before, after))

const createTask = db.transaction((body, actor) => {
  const at = Date.now()
  const task = {
    title: body.title,
    status: body.status ?? 'todo',
    priority: body.priority ?? 'medium',
    assignees: body.assignees ?? [],
    rationaleLog: body.rationale === undefined ? [] : [{ at: iso(at), actor, text: body.rationale }],
    version: 1,
    createdAt: iso(at),
    updatedAt: iso(at),
  }
  const { lastInsertRowid } = sql.insertTask.run(
    task.title,
    task.status,
    task.priority,
    JSON.stringify(task.assignees),
    JSON.stringify(task.rationaleLog),
    at,
    at,
  )
  const created = { id: Number(lastInsertRowid), ...task }
  audit(actor, 'task', created.id, 'create', at, null, created)
  return created
})

const patchTask = db.transaction((id, version, body, actor) => {
  const row = sql.selectTask.get(id)
  if (row === undefined) return { status: 404 }
  const task = taskOf(row)
  if (task.version !== version) return { status: 412, task }
  const at = Date.now()
  const next = {
    ...task,
    title: body.title ?? task.title,
    status: body.status ?? task.status,
    priority: body.priority ?? task.priority,
    assignees: body.assignees ?? task.assignees,
    rationaleLog:
      body.rationale === undefined
        ? task.rationaleLog
        : [...task.rationaleLog, { at: iso(at), actor, text: body.rationale }],
    version: task.version + 1,
    updatedAt: iso(at),
  }
  sql.updateTask.run(
    next.title,
    next.status,
    next.priority,
    JSON.stringify(next.assignees),
    JSON.stringify(next.rationaleLog),
    next.version,
    at,
    id,
  )
  audit(actor, 'task', id, 'update', at, task, next)
  return { status: 200, task: next }
})

const createStatusUpdate = db.transaction((body, actor) => {
  const at = Date.now()
  const taskId = body.taskId ?? null
  const { lastInsertRowid } = sql.insertStatusUpdate.run(actor, taskId, body.message, at)
  const update = { id: Number(lastInsertRowid), actor, taskId, message: body.message, createdAt: iso(at) }
  audit(actor, 'status_update', update.id, 'create', at, null, update)
  return update
})

const text = (max) => ({ type: 'string', minLength: 1, maxLength: max })
const status = { type: 'string', enum: ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] }
const priority = { type: 'string', enum: ['low', 'medium', 'high', 'critical'] }
const assignees = { type: 'array', items: text(200), maxItems: 50, uniqueItems: true }
const taskFields = { title: text(200), status, priority, assignees, rationale: text(4000) }
const time = { type: 'string' }
const Task = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    status: { type: 'string' },
    priority: { type: 'string' },
    assignees: { type: 'array', items: { type: 'string' } },
    rationaleLog: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: time, actor: { type: 'string' }, text: { type: 'string' } },
      },
    },
    version: { type: 'integer' },
    createdAt: time,
    updatedAt: time,
  },
}
const StatusUpdate = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    actor: { type: 'string' },
    taskId: { type: ['integer', 'null'] },
    message: { type: 'string' },
    createdAt: time,
  },
}
const AuditEntry = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    actor: { type: 'string' },
    entity: { type: 'string' },
    entityId: { type: 'integer' },
    action: { type: 'string' },
    at: time,
    diff: { type: 'object', additionalProperties: true },
  },
}
const page = (item) => ({
  type: 'object',
  properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
})
const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
}
const listQuery = (extra = {}) => ({
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', pattern: '^[0-9]{1,15}$' },
    ...extra,
  },
  additionalProperties: false,
})
const toPage = (rows, limit, keyOf) =>
  rows.length > limit
    ? { items: rows.slice(0, limit), nextCursor: String(keyOf(rows[limit - 1])) }
    : { items: rows, nextCursor: null }

const actorOf = (request) => {
  const actor = request.headers['x-actor']
  return typeof actor === 'string' && actor.length > 0 && actor.length <= 200 ? actor : 'anonymous'
}

const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false } } })

app.get('/health', async () => ({ status: 'ok' }))

app.post(
  '/tasks',
  {
    schema: {
      body: { type: 'object', properties: taskFields, required: ['title'], additionalProperties: false },
      response: { 201: Task },
    },
  },
  async (request, reply) => {
    const task = createTask.immediate(request.body, actorOf(request))
    return reply
      .code(201)
      .header('etag', `"${task.version}"`)
      .header('location', `/tasks/${task.id}`)
      .send(task)
  },
)

app.get('/tasks/:id', { schema: { params: idParams, response: { 200: Task } } }, async (request, reply) => {
  const row = sql.selectTask.get(request.params.id)
  if (row === undefined) return reply.code(404).send({ message: 'no such task' })
  reply.header('etag', `"${row.version}"`)
  return taskOf(row)
})

app.patch(
  '/tasks/:id',
  {
    schema: {
      params: idParams,
      body: { type: 'object', properties: taskFields, additionalProperties: false, minProperties: 1 },
      response: { 200: Task },
    },
  },
  async (request, reply) => {
    const match = /^"(\d+)"$/.exec(request.headers['if-match'] ?? '')
    if (!match) return reply.code(428).send({ message: 'send If-Match' })
    const result = patchTask.immediate(request.params.id, Number(match[1]), request.body, actorOf(request))
    if (result.status === 404) return reply.code(404).send({ message: 'no such task' })
    reply.header('etag', `"${result.task.version}"`)
    return reply.code(result.status).send(result.task)
  },
)

app.post(
  '/status-updates',
  {
    schema: {
      body: {
        type: 'object',
        properties: { message: text(4000), taskId: { type: 'integer', minimum: 1 } },
        required: ['message'],
        additionalProperties: false,
      },
      response: { 201: StatusUpdate },
    },
  },
  async (request, reply) => {
    try {
      const update = createStatusUpdate.immediate(request.body, actorOf(request))
      return reply.code(201).header('location', `/status-updates/${update.id}`).send(update)
    } catch (error) {
      if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        return reply.code(422).send({ message: 'no such task' })
      throw error
    }
  },
)

app.get(
  '/status-updates',
  { schema: { querystring: listQuery(), response: { 200: page(StatusUpdate) } } },
  async (request) => {
    const { limit, cursor } = request.query
    const rows =
      cursor === undefined
        ? sql.newestStatusUpdates.all(limit + 1)
        : sql.statusUpdatesBefore.all(Number(cursor), limit + 1)
    return toPage(rows.map(statusUpdateOf), limit, (row) => row.id)
  },
)

app.get(
  '/audit-entries',
  {
    schema: {
      querystring: listQuery({
        entity: { type: 'string', default: 'task' },
        entityId: { type: 'integer', minimum: 1 },
      }),
      response: { 200: page(AuditEntry) },
    },
  },
  async (request, reply) => {
    const { limit, cursor, entity, entityId } = request.query
    if (entityId === undefined) return reply.code(400).send({ message: 'entityId is required here' })
    const rows =
      cursor === undefined
        ? sql.auditOf.all(entity, entityId, limit + 1)
        : sql.auditOfBefore.all(entity, entityId, Number(cursor), limit + 1)
    return toPage(rows.map(auditOf), limit, (row) => row.seq)
  },
)

async function shutdown() {
  await app.close()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)

await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 3002) })
