// What tasks add to their table: the assignees, kept in task_assignees and read back with the task.
import { getTableColumns, sql } from 'drizzle-orm'
import type { Task } from '../../domains/tasks/schemas.js'
import type { PostgresDatabase } from './database.js'
import { taskAssigneeRows } from './rows.js'
import { taskAssignees, tasks } from './tables.js'

/** A task row as read: its columns, and its assignees (in order) as a JSON array. */
export const taskColumns = {
  ...getTableColumns(tasks),
  // Aliased, since the assignee list joins task_assignees too: a bare name would reach the outer query.
  assignees: sql<string>`(select coalesce(json_agg(ta.assignee order by ta.position), '[]'::json)::text from task_assignees as ta where ta.task_id = ${tasks.id})`,
}

/** task_assignees in its tasks' (created_at, id) order. */
export const assigneeOrder = { createdAt: taskAssignees.taskCreatedAt, id: taskAssignees.taskId }

/** task_assignees rows per INSERT: 4 parameters each, well under PostgreSQL's 65,535. */
const ASSIGNEE_ROWS_PER_INSERT = 10_000

/** Writes the task_assignees rows of tasks just inserted (or whose assignees were just deleted). */
export async function insertAssignees(tx: PostgresDatabase, tasksWritten: Task[]) {
  const rows = tasksWritten.flatMap(taskAssigneeRows)
  for (let start = 0; start < rows.length; start += ASSIGNEE_ROWS_PER_INSERT) {
    await tx.insert(taskAssignees).values(rows.slice(start, start + ASSIGNEE_ROWS_PER_INSERT))
  }
}
