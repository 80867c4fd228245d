// The reference's PostgreSQL store: a node-postgres pool of trail's size, named prepared statements, and each
// write with its audit entry in one transaction, the audit seq taken under trail's transaction-scoped advisory
// lock (src/persistence/postgres/locks.ts), so it does the same statements as trail per request. Like trail, a
// write takes the lock first and its time after it (so `at` never goes backwards along seq, and no row lock is
// taken before it): the lock is then held for the whole write. Taking it only around the audit insert, as this
// reference did until 2026-12-01, made it about twice as fast as trail on writes at 10 connections
// (bench/results/pg-lock.md), but with times that can go backwards along the chain, which trail may not do.
import pg from 'pg'
import { toWebsearch } from '../../dist/src/domains/search/query.js'
import { migratePostgres } from './migrate.mjs'
import { notFound, referenceNotFound, versionMismatch } from './problems.mjs'
import {
  AUDIT_COLUMNS,
  auditEntry,
  auditFromRow,
  auditToRow,
  changeTask,
  GENESIS_HASH,
  newStatusUpdate,
  newTask,
  now,
  STATUS_UPDATE_COLUMNS,
  statusUpdateFromRow,
  statusUpdateToRow,
  TASK_COLUMNS,
  taskAssigneeRows,
  taskFromRow,
  taskToRow,
} from './rules.mjs'
import { changedDocument, documentOf } from './search.mjs'

// bigint epoch milliseconds come back as numbers, as Drizzle's `bigint({ mode: 'number' })` gives trail.
pg.types.setTypeParser(20, Number)

const AUDIT_APPEND_LOCK = '1953653097, 2' // trail's namespace 'trai' and lock 2

const statement = (name, text) => (values) => ({ name: `ref_${name}`, text, values })
const SQL = {
  insertTask: statement(
    'insert_task',
    `INSERT INTO tasks (${TASK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  ),
  insertAssignee: statement(
    'insert_assignee',
    'INSERT INTO task_assignees (task_id, position, assignee, task_created_at) VALUES ($1, $2, $3, $4)',
  ),
  deleteAssignees: statement('delete_assignees', 'DELETE FROM task_assignees WHERE task_id = $1'),
  selectTask: statement(
    'select_task',
    `SELECT ${TASK_COLUMNS}, (SELECT coalesce(json_agg(assignee ORDER BY position), '[]'::json)::text
       FROM task_assignees WHERE task_id = tasks.id) AS assignees FROM tasks WHERE id = $1`,
  ),
  taskKeyShare: statement('task_key_share', 'SELECT id FROM tasks WHERE id = $1 FOR KEY SHARE'),
  updateTask: statement(
    'update_task',
    `UPDATE tasks SET title = $2, status = $3, priority = $4, rationale_log = $5, version = $6,
       created_at = $7, updated_at = $8 WHERE id = $1 AND version = $9 RETURNING id`,
  ),
  insertStatusUpdate: statement(
    'insert_status_update',
    `INSERT INTO status_updates (${STATUS_UPDATE_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`,
  ),
  listStatusUpdates: statement(
    'list_status_updates',
    `SELECT ${STATUS_UPDATE_COLUMNS} FROM status_updates ORDER BY created_at DESC, id DESC LIMIT $1`,
  ),
  listStatusUpdatesAfter: statement(
    'list_status_updates_after',
    `SELECT ${STATUS_UPDATE_COLUMNS} FROM status_updates WHERE (created_at, id) < ($1, $2)
       ORDER BY created_at DESC, id DESC LIMIT $3`,
  ),
  listAudit: statement('list_audit', `SELECT ${AUDIT_COLUMNS} FROM audit_entries ORDER BY seq DESC LIMIT $1`),
  listAuditAfter: statement(
    'list_audit_after',
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE seq < $1 ORDER BY seq DESC LIMIT $2`,
  ),
  listAuditOf: statement(
    'list_audit_of',
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE entity_id = $1 ORDER BY seq DESC LIMIT $2`,
  ),
  listAuditOfAfter: statement(
    'list_audit_of_after',
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE entity_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
  ),
  // trail's search statement (src/persistence/postgres/search.ts): the query in a sub-select, ts_rank with a
  // title match ten times a body match.
  search: statement(
    'search',
    `SELECT entity, entity_id, created_at, title, body FROM search_documents
     WHERE document @@ (SELECT websearch_to_tsquery('english', $1)) AND entity = ANY($2::text[])
     ORDER BY ts_rank('{0.1, 0.1, 0.1, 1.0}', document, (SELECT websearch_to_tsquery('english', $1))) DESC,
       created_at DESC, entity_id DESC
     LIMIT $3 OFFSET $4`,
  ),
  // The index's upkeep, trail's statement (src/persistence/postgres/search.ts): the document and its vector.
  putDocument: statement(
    'put_document',
    `INSERT INTO search_documents (entity_id, entity, created_at, title, body, document)
     VALUES ($1, $2, $3, $4, $5,
       setweight(to_tsvector('english', $4), 'A') || setweight(to_tsvector('english', $5), 'B'))
     ON CONFLICT (entity_id) DO UPDATE
       SET title = excluded.title, body = excluded.body, document = excluded.document`,
  ),
  auditLock: statement('audit_lock', `SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`),
  lastSeq: statement('last_seq', 'SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1'),
  insertAudit: statement(
    'insert_audit',
    `INSERT INTO audit_entries (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  ),
}

export async function openPostgresStore({ url, poolSize = 10 }) {
  const setup = new pg.Client({ connectionString: url })
  await setup.connect()
  let schemaVersion
  try {
    schemaVersion = await migratePostgres(setup)
  } finally {
    await setup.end()
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    application_name: 'trail-reference',
  })
  pool.on('error', () => {})

  /**
   * One transaction on one pooled connection: BEGIN, the audit lock and the trail's tail under it, `work`
   * (given the tail), COMMIT (ROLLBACK when it throws).
   */
  async function write(work) {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(SQL.auditLock([]))
      // A statement of its own: in READ COMMITTED it sees every writer that committed before the lock was granted.
      const { rows } = await client.query(SQL.lastSeq([]))
      const result = await work(client, rows[0])
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /** Appends the entry after `tail` (read under the lock that keeps seqs gap-free and in commit order). */
  async function appendAudit(client, tail, entry) {
    await client.query(SQL.insertAudit(auditToRow(entry, (tail?.seq ?? 0) + 1, tail?.hash ?? GENESIS_HASH)))
  }

  const putDocument = (client, doc) =>
    client.query(SQL.putDocument([doc.entityId, doc.type, Date.parse(doc.createdAt), doc.title, doc.body]))

  const getTask = async (client, id) => {
    const { rows } = await client.query(SQL.selectTask([id]))
    return rows[0] && taskFromRow(rows[0])
  }

  return {
    kind: 'postgres',
    async health() {
      await pool.query('SELECT 1')
      return schemaVersion
    },
    createTask: (input, actor) =>
      write(async (client, tail) => {
        const task = newTask(input, actor, now())
        await client.query(SQL.insertTask(taskToRow(task)))
        for (const row of taskAssigneeRows(task)) await client.query(SQL.insertAssignee(row))
        await putDocument(client, documentOf('tasks', task))
        await appendAudit(client, tail, auditEntry('task', 'create', actor, task.createdAt, null, task))
        return task
      }),
    getTask: (id) => getTask(pool, id),
    updateTask: (id, changes, expectedVersion, actor) =>
      write(async (client, tail) => {
        const task = await getTask(client, id)
        if (task === undefined) throw notFound('Task', id)
        if (task.version !== expectedVersion) throw versionMismatch(task.version)
        const next = changeTask(task, changes, actor, now())
        if (next === task) return task
        const written = await client.query(SQL.updateTask([...taskToRow(next), expectedVersion]))
        if (written.rowCount !== 1) throw versionMismatch((await getTask(client, id))?.version)
        if (JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)) {
          await client.query(SQL.deleteAssignees([id]))
          for (const row of taskAssigneeRows(next)) await client.query(SQL.insertAssignee(row))
        }
        const doc = changedDocument('tasks', task, next)
        if (doc !== undefined) await putDocument(client, doc)
        await appendAudit(client, tail, auditEntry('task', 'update', actor, next.updatedAt, task, next))
        return next
      }),
    createStatusUpdate: (input, actor) =>
      write(async (client, tail) => {
        if (input.taskId != null) {
          const { rows } = await client.query(SQL.taskKeyShare([input.taskId]))
          if (rows.length === 0) throw referenceNotFound('taskId', input.taskId)
        }
        const update = newStatusUpdate(input, actor, now())
        await client.query(SQL.insertStatusUpdate(statusUpdateToRow(update)))
        await putDocument(client, documentOf('status_updates', update))
        await appendAudit(
          client,
          tail,
          auditEntry('status_update', 'create', actor, update.createdAt, null, update),
        )
        return update
      }),
    async listStatusUpdates(limit, after) {
      const query =
        after === undefined
          ? SQL.listStatusUpdates([limit])
          : SQL.listStatusUpdatesAfter([after.createdAt, after.id, limit])
      return (await pool.query(query)).rows.map(statusUpdateFromRow)
    },
    async listAudit(entityId, limit, beforeSeq) {
      let query
      if (entityId === undefined) {
        query = beforeSeq === undefined ? SQL.listAudit([limit]) : SQL.listAuditAfter([beforeSeq, limit])
      } else {
        query =
          beforeSeq === undefined
            ? SQL.listAuditOf([entityId, limit])
            : SQL.listAuditOfAfter([entityId, beforeSeq, limit])
      }
      return (await pool.query(query)).rows.map(auditFromRow)
    },
    /** `limit` rows of search_documents matching `terms` in rank order, from `offset`. */
    async search(terms, types, limit, offset) {
      const text = toWebsearch(terms)
      return text === null ? [] : (await pool.query(SQL.search([text, types, limit, offset]))).rows
    },
    close: () => pool.end(),
  }
}
