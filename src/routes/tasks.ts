// /tasks: the HTTP rules of a versioned resource (src/http/versioned-resource.ts) over the task repository.
// Deleting a task detaches its bugs and status updates; the repository does that in the same transaction.
import fp from 'fastify-plugin'
import { CreateTaskBody, PatchTaskBody, Task, TaskListQuery } from '../domains/tasks/schemas.js'
import { versionedResourceRoutes } from '../http/versioned-resource.js'

const tasks = versionedResourceRoutes({
  path: '/tasks',
  noun: 'Task',
  schemas: { entity: Task, create: CreateTaskBody, patch: PatchTaskBody, listQuery: TaskListQuery },
  repository: (app) => app.repos.tasks,
})

export default fp(tasks, {
  name: 'tasks',
  dependencies: ['persistence', 'auth', 'http-errors'],
  encapsulate: true,
})
