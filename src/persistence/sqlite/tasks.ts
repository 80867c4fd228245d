import { and, desc, eq, getTableColumns, type Placeholder, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { changeTask, newTask } from '../../domains/tasks/rules.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { auditEntry } from '../audit.js'
import type { TaskRepository } from '../contract.js'
import { type TaskRow, taskAssigneeRows, taskFromRow, taskToRow } from './rows.js'
import {
  byId,
  byIdAndVersion,
  createdAfter,
  createdAfterParams,
  createdOrder,
  createdPage,
  expectChanged,
  expectVersion,
  insertValues,
  listStatements,
  type Store,
  type TaskDetacher,
  updateValues,
} from './store.js'
import { taskAssignees, tasks } from './tables.js'

/** A task row as read: its columns, and its assignees (in order) as a JSON array. */
export const taskColumns = {
  ...getTableColumns(tasks),
  // Aliased, since the assignee list joins task_assignees too: a bare name would reach the outer query.
  assignees: sql<string>`(select json_group_array(ta.assignee) from (select assignee from task_assignees as ta0 where ta0.task_id = ${tasks.id} order by ta0.position) as ta)`,
}

/** Statements that store a task's assignees (its task_assignees rows). */
export function assigneeWriter(db: BetterSQLite3Database) {
  const insertAssignee = db.insert(taskAssignees).values(insertValues(taskAssignees)).prepare()
  const deleteAssignees = db
    .delete(taskAssignees)
    .where(eq(taskAssignees.taskId, sql.placeholder('taskId')))
    .prepare()
  return {
    insert(task: Task) {
      for (const row of taskAssigneeRows(task)) insertAssignee.run(row)
    },
    replace(task: Task) {
      deleteAssignees.run({ taskId: task.id })
      for (const row of taskAssigneeRows(task)) insertAssignee.run(row)
    },
  }
}

/** `detachers` free the rows that point at a deleted task, in the order given. */
export function createTaskRepository(store: Store, detachers: TaskDetacher[]): TaskRepository {
  const { db, write, appendAudit, now } = store
  const insertTask = db.insert(tasks).values(insertValues(tasks)).prepare()
  const assignees = assigneeWriter(db)
  const selectTask = db.select(taskColumns).from(tasks).where(byId(tasks)).prepare()
  const updateTask = db.update(tasks).set(updateValues(tasks)).where(byIdAndVersion(tasks)).prepare()
  // The task's task_assignees rows go with it (ON DELETE CASCADE).
  const deleteTask = db.delete(tasks).where(byIdAndVersion(tasks)).prepare()
  const filters = {
    status: (value: Placeholder) => eq(tasks.status, value),
    priority: (value: Placeholder) => eq(tasks.priority, value),
  }
  // Without `assignee`: tasks in (created_at, id) order, through the index of the filter set, if any.
  const listStatement = listStatements({ ...filters, afterId: () => createdAfter(tasks, 'desc') }, (where) =>
    db
      .select(taskColumns)
      .from(tasks)
      .where(where)
      .orderBy(...createdOrder(tasks, 'desc'))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
  // With `assignee`: that assignee's task_assignees rows, already in the tasks' order, each joined to its task.
  const assigneeListStatement = listStatements(
    {
      ...filters,
      afterId: () =>
        sql`(${taskAssignees.taskCreatedAt}, ${taskAssignees.taskId}) < (${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`,
    },
    (where) =>
      db
        .select(taskColumns)
        .from(taskAssignees)
        .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
        .where(and(eq(taskAssignees.assignee, sql.placeholder('assignee')), where))
        .orderBy(desc(taskAssignees.taskCreatedAt), desc(taskAssignees.taskId))
        .limit(sql.placeholder('limit'))
        .prepare(),
  )

  const getTask = (id: string) => {
    const row: TaskRow | undefined = selectTask.get({ id })
    return row && taskFromRow(row)
  }

  return {
    async create(input, actor) {
      return write(() => {
        const task = newTask(input, actor, now())
        insertTask.run(taskToRow(task))
        assignees.insert(task)
        appendAudit([auditEntry('task', 'create', actor, task.createdAt, null, task)])
        return task
      })
    },
    async get(id) {
      return getTask(id)
    },
    async list({ filter, limit, after }) {
      const params = { ...filter, ...createdAfterParams(after), limit: limit + 1 }
      const statement = filter.assignee === undefined ? listStatement(params) : assigneeListStatement(params)
      return createdPage(statement.all(params).map(taskFromRow), limit)
    },
    async update(id, changes, expectedVersion, actor) {
      return write((): Task => {
        const task = expectVersion(getTask(id), 'Task', id, expectedVersion)
        const next = changeTask(task, changes, actor, now())
        if (next === task) return task
        expectChanged(updateTask.run({ ...taskToRow(next), expectedVersion }), 'Task', id, () => getTask(id))
        if (JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)) assignees.replace(next)
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
