// /tasks: a resource with optimistic concurrency (ETag, If-Match), over the task repository. Deleting a task
// detaches its bugs and status updates; the repository does that in the same transaction.
import { CreateTaskBody, PatchTaskBody, Task, TaskListQuery } from '../domains/tasks/schemas.js'
import { getWithHistoryRoute, restoreRoute, versionRoute, versionsRoute } from '../http/history.js'
import {
  createRoute,
  deleteRoute,
  listRoute,
  newestFirst,
  resource,
  resourcePlugin,
  updateRoute,
} from '../http/resource.js'

const task = resource({ path: '/tasks', noun: 'Task', entity: Task, versionOf: (entity) => entity.version })

export default resourcePlugin('tasks', async (app) => {
  const repo = app.repos.tasks
  app.route(createRoute(task, repo, { access: 'contributor', body: CreateTaskBody }))
  app.route(
    listRoute(task, {
      summary: 'List tasks, newest first',
      access: 'viewer',
      querystring: TaskListQuery,
      list: newestFirst(repo),
    }),
  )
  const history = { entity: 'task' as const, audit: app.repos.audit, repo }
  app.route(getWithHistoryRoute(task, history, { access: 'viewer' }))
  app.route(updateRoute(task, repo, { access: 'contributor', body: PatchTaskBody }))
  app.route(deleteRoute(task, repo, { access: 'maintainer' }))
  app.route(versionsRoute(task, history, { access: 'viewer' }))
  app.route(versionRoute(task, history, { access: 'viewer' }))
  app.route(restoreRoute(task, history, { access: 'contributor', undeleteAccess: 'maintainer' }))
})
