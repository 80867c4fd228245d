// The reference's SQLite store: better-sqlite3 prepared statements, trail's pragmas (src/persistence/sqlite/
// client.ts) and trail's server's checkpoints on a worker thread (checkpointer.ts), and each write with its
// audit entry in one BEGIN IMMEDIATE transaction, as trail does. Limits are written `LIMIT +?`, as trail writes
// them (limitParameter, src/persistence/sqlite/store.ts), so a list is not prepared again on every run.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { toFts5Match } from '../../dist/src/domains/search/query.js'
import { startBackgroundCheckpoints } from '../../dist/src/persistence/sqlite/checkpointer.js'
import { searchIndexWriter } from '../../dist/src/persistence/sqlite/search.js'
import { migrateSqlite } from './migrate.mjs'
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

export function openSqliteStore({ path, synchronous = 'NORMAL' }) {
  mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, { timeout: 5000 })
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`)
  const schemaVersion = migrateSqlite(db)
  const checkpoints = startBackgroundCheckpoints(db)

  const insertTask = db.prepare(`INSERT INTO tasks (${TASK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertAssignee = db.prepare(
    'INSERT INTO task_assignees (task_id, position, assignee, task_created_at) VALUES (?, ?, ?, ?)',
  )
  const deleteAssignees = db.prepare('DELETE FROM task_assignees WHERE task_id = ?')
  const selectTask = db.prepare(
    `SELECT ${TASK_COLUMNS}, (SELECT json_group_array(assignee) FROM (SELECT assignee FROM task_assignees
       WHERE task_id = tasks.id ORDER BY position)) AS assignees FROM tasks WHERE id = ?`,
  )
  const taskExists = db.prepare('SELECT id FROM tasks WHERE id = ?').pluck()
  const updateTask = db.prepare(
    `UPDATE tasks SET title = ?, status = ?, priority = ?, rationale_log = ?, version = ?,
       created_at = ?, updated_at = ? WHERE id = ? AND version = ?`,
  )
  const insertStatusUpdate = db.prepare(
    `INSERT INTO status_updates (${STATUS_UPDATE_COLUMNS}) VALUES (?, ?, ?, ?, ?)`,
  )
  const listStatusUpdates = db.prepare(
    `SELECT ${STATUS_UPDATE_COLUMNS} FROM status_updates ORDER BY created_at DESC, id DESC LIMIT +?`,
  )
  const listStatusUpdatesAfter = db.prepare(
    `SELECT ${STATUS_UPDATE_COLUMNS} FROM status_updates WHERE (created_at, id) < (?, ?)
       ORDER BY created_at DESC, id DESC LIMIT +?`,
  )
  const listAudit = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_entries ORDER BY seq DESC LIMIT +?`)
  const listAuditAfter = db.prepare(
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE seq < ? ORDER BY seq DESC LIMIT +?`,
  )
  const listAuditOf = db.prepare(
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE entity_id = ? ORDER BY seq DESC LIMIT +?`,
  )
  const listAuditOfAfter = db.prepare(
    `SELECT ${AUDIT_COLUMNS} FROM audit_entries WHERE entity_id = ? AND seq < ? ORDER BY seq DESC LIMIT +?`,
  )
  // trail's search statement (src/persistence/sqlite/search.ts): FTS5 with bm25, title ten times the body.
  const search = db.prepare(
    `SELECT d.entity, d.entity_id, d.created_at, d.title, d.body
     FROM search_index JOIN search_documents d ON d.doc_id = search_index.rowid
     WHERE search_index MATCH ? AND d.entity IN (SELECT value FROM json_each(?))
     ORDER BY bm25(search_index, 10.0, 1.0), d.created_at DESC, d.entity_id DESC
     LIMIT +? OFFSET ?`,
  )
  // The index's upkeep: trail's own writer (better-sqlite3 statements, no ORM), so the statements are trail's.
  const writeIndex = searchIndexWriter(db)
  const putDocument = (doc) => writeIndex({ op: 'put', doc })
  const newestAudit = db.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1')
  const insertAudit = db.prepare(
    `INSERT INTO audit_entries (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  const appendAudit = (entry) => {
    const newest = newestAudit.get()
    insertAudit.run(auditToRow(entry, (newest?.seq ?? 0) + 1, newest?.hash ?? GENESIS_HASH))
  }
  const getTask = (id) => {
    const row = selectTask.get(id)
    return row && taskFromRow(row)
  }

  const createTask = db.transaction((input, actor) => {
    const task = newTask(input, actor, now())
    insertTask.run(taskToRow(task))
    for (const row of taskAssigneeRows(task)) insertAssignee.run(row)
    putDocument(documentOf('tasks', task))
    appendAudit(auditEntry('task', 'create', actor, task.createdAt, null, task))
    return task
  })
  const patchTask = db.transaction((id, changes, expectedVersion, actor) => {
    const task = getTask(id)
    if (task === undefined) throw notFound('Task', id)
    if (task.version !== expectedVersion) throw versionMismatch(task.version)
    const next = changeTask(task, changes, actor, now())
    if (next === task) return task
    const [taskId, ...values] = taskToRow(next)
    if (updateTask.run(...values, taskId, expectedVersion).changes !== 1) {
      throw versionMismatch(getTask(id)?.version)
    }
    if (JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)) {
      deleteAssignees.run(id)
      for (const row of taskAssigneeRows(next)) insertAssignee.run(row)
    }
    const doc = changedDocument('tasks', task, next)
    if (doc !== undefined) putDocument(doc)
    appendAudit(auditEntry('task', 'update', actor, next.updatedAt, task, next))
    return next
  })
  const createStatusUpdate = db.transaction((input, actor) => {
    if (input.taskId != null && taskExists.get(input.taskId) === undefined) {
      throw referenceNotFound('taskId', input.taskId)
    }
    const update = newStatusUpdate(input, actor, now())
    insertStatusUpdate.run(statusUpdateToRow(update))
    putDocument(documentOf('status_updates', update))
    appendAudit(auditEntry('status_update', 'create', actor, update.createdAt, null, update))
    return update
  })

  return {
    kind: 'sqlite',
    async health() {
      return schemaVersion
    },
    async createTask(input, actor) {
      return createTask.immediate(input, actor)
    },
    async getTask(id) {
      return getTask(id)
    },
    async updateTask(id, changes, expectedVersion, actor) {
      return patchTask.immediate(id, changes, expectedVersion, actor)
    },
    async createStatusUpdate(input, actor) {
      return createStatusUpdate.immediate(input, actor)
    },
    /** `limit` rows newest first, strictly after `after` ({ createdAt ms, id }) when given. */
    async listStatusUpdates(limit, after) {
      const rows =
        after === undefined
          ? listStatusUpdates.all(limit)
          : listStatusUpdatesAfter.all(after.createdAt, after.id, limit)
      return rows.map(statusUpdateFromRow)
    },
    async listAudit(entityId, limit, beforeSeq) {
      let rows
      if (entityId === undefined) {
        rows = beforeSeq === undefined ? listAudit.all(limit) : listAuditAfter.all(beforeSeq, limit)
      } else {
        rows =
          beforeSeq === undefined
            ? listAuditOf.all(entityId, limit)
            : listAuditOfAfter.all(entityId, beforeSeq, limit)
      }
      return rows.map(auditFromRow)
    },
    /** `limit` rows of search_documents matching `terms` in rank order, from `offset`. */
    async search(terms, types, limit, offset) {
      const match = toFts5Match(terms)
      return match === null ? [] : search.all(match, JSON.stringify(types), limit, offset)
    },
    async close() {
      if (!db.open) return
      await checkpoints.stop()
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
