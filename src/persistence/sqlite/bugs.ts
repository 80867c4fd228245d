import { eq, sql } from 'drizzle-orm'
import { changeBug, newBug } from '../../domains/bugs/rules.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import { auditEntry } from '../audit.js'
import type { BugRepository } from '../contract.js'
import { type BugRow, bugFromRow, bugToRow } from './rows.js'
import {
  byId,
  byIdAndVersion,
  createdAfterParams,
  createdOrder,
  createdPage,
  expectChanged,
  expectVersion,
  insertValues,
  newestFirstList,
  type Store,
  type TaskDetacher,
  updateValues,
} from './store.js'
import { bugs } from './tables.js'

export function createBugRepository(store: Store): {
  repository: BugRepository
  detachFromTask: TaskDetacher
} {
  const { db, write, appendAudit, requireTask, now } = store
  const insertBug = db.insert(bugs).values(insertValues(bugs)).prepare()
  const selectBug = db.select().from(bugs).where(byId(bugs)).prepare()
  const updateBug = db.update(bugs).set(updateValues(bugs)).where(byIdAndVersion(bugs)).prepare()
  const deleteBug = db.delete(bugs).where(byIdAndVersion(bugs)).prepare()
  const bugsOfTask = db
    .select()
    .from(bugs)
    .where(eq(bugs.taskId, sql.placeholder('taskId')))
    .orderBy(...createdOrder(bugs, 'asc'))
    .prepare()
  const listStatement = newestFirstList(db, bugs, {
    severity: (value) => eq(bugs.severity, value),
    status: (value) => eq(bugs.status, value),
    taskId: (value) => eq(bugs.taskId, value),
  })

  const getBug = (id: string) => {
    const row: BugRow | undefined = selectBug.get({ id })
    return row && bugFromRow(row)
  }

  /** Stores `next` in place of `bug` (compare-and-set on its version) and returns its audit entry. */
  const replace = (bug: Bug, next: Bug, actor: string) => {
    expectChanged(updateBug.run({ ...bugToRow(next), expectedVersion: bug.version }), 'Bug', bug.id, () =>
      getBug(bug.id),
    )
    return auditEntry('bug', 'update', actor, next.updatedAt, bug, next)
  }

  const repository: BugRepository = {
    async create(input, actor) {
      return write(() => {
        requireTask(input.taskId)
        const bug = newBug(input, now())
        insertBug.run(bugToRow(bug))
        appendAudit([auditEntry('bug', 'create', actor, bug.createdAt, null, bug)])
        return bug
      })
    },
    async get(id) {
      return getBug(id)
    },
    async list({ filter, limit, after }) {
      const params = { ...filter, ...createdAfterParams(after), limit: limit + 1 }
      return createdPage(listStatement(params).all(params).map(bugFromRow), limit)
    },
    async update(id, changes, expectedVersion, actor) {
      return write((): Bug => {
        const bug = expectVersion(getBug(id), 'Bug', id, expectedVersion)
        requireTask(changes.taskId)
        const next = changeBug(bug, changes, now())
        if (next === bug) return bug
        appendAudit([replace(bug, next, actor)])
        return next
      })
    },
    async delete(id, expectedVersion, actor) {
      await write(() => {
        const bug = expectVersion(getBug(id), 'Bug', id, expectedVersion)
        expectChanged(deleteBug.run({ id, expectedVersion }), 'Bug', id, () => getBug(id))
        appendAudit([auditEntry('bug', 'delete', actor, now(), bug, null)])
      })
    },
  }

  const detachFromTask: TaskDetacher = (taskId, actor, at) =>
    bugsOfTask
      .all({ taskId })
      .map(bugFromRow)
      .map((bug) => replace(bug, changeBug(bug, { taskId: null }, at), actor))

  return { repository, detachFromTask }
}
