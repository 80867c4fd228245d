import { eq, sql } from 'drizzle-orm'
import { changeTask, newTask } from '../../domains/tasks/rules.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { auditEntry } from '../audit.js'
import type { TaskRepository } from '../contract.js'
import { type TaskRow, taskFromRow, taskToRow } from './rows.js'
import { tasks } from './schema.js'
import {
  byId,
  byIdAndVersion,
  createdAfterParams,
  createdPage,
  expectChanged,
  expectVersion,
  insertValues,
  newestFirstList,
  type Store,
  type TaskDetacher,
  updateValues,
} from './store.js'

/** `detachers` free the rows that point at a deleted task, in the order given. */
export function createTaskRepository(store: Store, detachers: TaskDetacher[]): TaskRepository {
  const { db, write, appendAudit, now } = store
  const insertTask = db.insert(tasks).values(insertValues(tasks)).prepare()
  const selectTask = db.select().from(tasks).where(byId(tasks)).prepare()
  const updateTask = db.update(tasks).set(updateValues(tasks)).where(byIdAndVersion(tasks)).prepare()
  const deleteTask = db.delete(tasks).where(byIdAndVersion(tasks)).prepare()
  const listStatement = newestFirstList(db, tasks, {
    status: (value) => eq(tasks.status, value),
    priority: (value) => eq(tasks.priority, value),
    assignee: (value) => sql`exists (select 1 from json_each(${tasks.assignees}) where value = ${value})`,
  })

  const getTask = (id: string) => {
    const row: TaskRow | undefined = selectTask.get({ id })
    return row && taskFromRow(row)
  }

  return {
    async create(input, actor) {
      return write(() => {
        const task = newTask(input, actor, now())
        insertTask.run(taskToRow(task))
        appendAudit([auditEntry('task', 'create', actor, task.createdAt, null, task)])
        return task
      })
    },
    async get(id) {
      return getTask(id)
    },
    async list({ filter, limit, after }) {
      const params = { ...filter, ...createdAfterParams(after), limit: limit + 1 }
      return createdPage(listStatement(params).all(params).map(taskFromRow), limit)
    },
    async update(id, changes, expectedVersion, actor) {
      return write((): Task => {
        const task = expectVersion(getTask(id), 'Task', id, expectedVersion)
        const next = changeTask(task, changes, actor, now())
        if (next === task) return task
        expectChanged(updateTask.run({ ...taskToRow(next), expectedVersion }), 'Task', id, () => getTask(id))
        appendAudit([auditEntry('task', 'update', actor, next.updatedAt, task, next)])
        return next
      })
    },
    async delete(id, expectedVersion, actor) {
      await write(() => {
        const task = expectVersion(getTask(id), 'Task', id, expectedVersion)
        const at = now()
        const entries = detachers.flatMap((detach) => detach(id, actor, at))
        expectChanged(deleteTask.run({ id, expectedVersion }), 'Task', id, () => getTask(id))
        entries.push(auditEntry('task', 'delete', actor, at, task, null))
        appendAudit(entries)
      })
    },
  }
}
