// What tasks add to their table: the assignees, kept in task_assignees and read back with the task.
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { Task } from '../../domains/tasks/schemas.js'
import { taskAssigneeRows } from './rows.js'
import { insertValues } from './store.js'
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
