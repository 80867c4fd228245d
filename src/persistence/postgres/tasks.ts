// What tasks add to their table: the assignees, kept in task_assignees and read back with the task.
import { getTableColumns, sql } from 'drizzle-orm'
import { taskAssignees, tasks } from './tables.js'

/** A task row as read: its columns, and its assignees (in order) as a JSON array. */
export const taskColumns = {
  ...getTableColumns(tasks),
  // Aliased, since the assignee list joins task_assignees too: a bare name would reach the outer query.
  assignees: sql<string>`(select coalesce(json_agg(ta.assignee order by ta.position), '[]'::json)::text from task_assignees as ta where ta.task_id = ${tasks.id})`,
}

/** task_assignees in its tasks' (created_at, id) order. */
export const assigneeOrder = { createdAt: taskAssignees.taskCreatedAt, id: taskAssignees.taskId }
