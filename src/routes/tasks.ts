// /tasks: a resource with optimistic concurrency (ETag, If-Match), over the task repository. Deleting a task
// detaches its bugs and status updates; the repository does that in the same transaction.
import { CreateTaskBody, PatchTaskBody, Task, TaskListQuery } from '../domains/tasks/schemas.js'
import {
  createRoute,
  deleteRoute,
  getRoute,
  listRoute,
  newestFirst,
  resource,
  resourcePlugin,
  updateRoute,
} from '../http/resource.js'

const task = resource({ path: '/tasks', noun: 'Task', entity: Task, versionOf: (entity) => entity.version })

export default resourcePlugin('tasks', async (app) => {
  const repo = app.repos.tasks
  app.route(
    createRoute(task, repo, { summary: 'Create a task', access: 'contributor', body: CreateTaskBody }),
  )
  app.route(
    listRoute(task, {
      summary: 'List tasks, newest first',
      access: 'viewer',
      querystring: TaskListQuery,
      list: newestFirst(repo),
    }),
  )
  app.route(getRoute(task, repo, { summary: 'Get a task', access: 'viewer' }))
  app.route(
    updateRoute(task, repo, {
      summary: 'Change a task (needs If-Match or version)',
      access: 'contributor',
      body: PatchTaskBody,
    }),
  )
  app.route(
    deleteRoute(task, repo, { summary: 'Delete a task (needs If-Match or ?version=)', access: 'maintainer' }),
  )
})
