// What tasks add to their table: the assignees, kept in task_assignees and read back with the task.
import { getTableColumns, sql } from 'drizzle-orm'
import { tasks } from './tables.js'

/** A task row as read: its columns, and its assignees (in order) as a JSON array. */
export const taskColumns = {
  ...getTableColumns(tasks),
  // Aliased, since the assignee list joins task_assignees too: a bare name would reach the outer query.
  assignees: sql<string>`(select json_group_array(ta.assignee) from (select assignee from task_assignees as ta0 where ta0.task_id = ${tasks.id} order by ta0.position) as ta)`,
}
