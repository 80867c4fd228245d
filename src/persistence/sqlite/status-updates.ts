import { eq, gte, sql } from 'drizzle-orm'
import { newStatusUpdate } from '../../domains/status-updates/rules.js'
import { auditEntry } from '../audit.js'
import type { StatusUpdateRepository } from '../contract.js'
import { type StatusUpdateRow, statusUpdateFromRow, statusUpdateToRow, toEpochMsIfSet } from './rows.js'
import {
  byId,
  createdAfterParams,
  createdOrder,
  createdPage,
  insertValues,
  newestFirstList,
  type Store,
  type TaskDetacher,
} from './store.js'
import { statusUpdates } from './tables.js'

export function createStatusUpdateRepository(store: Store): {
  repository: StatusUpdateRepository
  detachFromTask: TaskDetacher
} {
  const { db, write, appendAudit, requireTask, now } = store
  const insertStatusUpdate = db.insert(statusUpdates).values(insertValues(statusUpdates)).prepare()
  const selectStatusUpdate = db.select().from(statusUpdates).where(byId(statusUpdates)).prepare()
  const ofTask = eq(statusUpdates.taskId, sql.placeholder('taskId'))
  const statusUpdatesOfTask = db
    .select()
    .from(statusUpdates)
    .where(ofTask)
    .orderBy(...createdOrder(statusUpdates, 'asc'))
    .prepare()
  const detachAll = db.update(statusUpdates).set({ taskId: null }).where(ofTask).prepare()
  // The hot read: each filter has an index that also serves the order (see tables.ts).
  const listStatement = newestFirstList(db, statusUpdates, {
    taskId: (value) => eq(statusUpdates.taskId, value),
    actor: (value) => eq(statusUpdates.actor, value),
    since: (value) => gte(statusUpdates.createdAt, value),
  })

  const repository: StatusUpdateRepository = {
    async create(input, actor) {
      return write(() => {
        requireTask(input.taskId)
        const update = newStatusUpdate(input, actor, now())
        insertStatusUpdate.run(statusUpdateToRow(update))
        appendAudit([auditEntry('status_update', 'create', actor, update.createdAt, null, update)])
        return update
      })
    },
    async get(id) {
      const row: StatusUpdateRow | undefined = selectStatusUpdate.get({ id })
      return row && statusUpdateFromRow(row)
    },
    async list({ filter, limit, after }) {
      const { taskId, actor, since } = filter
      const params = {
        taskId,
        actor,
        since: toEpochMsIfSet(since),
        ...createdAfterParams(after),
        limit: limit + 1,
      }
      return createdPage(listStatement(params).all(params).map(statusUpdateFromRow), limit)
    },
  }

  const detachFromTask: TaskDetacher = (taskId, actor, at) => {
    const entries = statusUpdatesOfTask
      .all({ taskId })
      .map(statusUpdateFromRow)
      .map((update) => auditEntry('status_update', 'update', actor, at, update, { ...update, taskId: null }))
    detachAll.run({ taskId })
    return entries
  }

  return { repository, detachFromTask }
}
