// /bugs: a resource with optimistic concurrency (ETag, If-Match), over the bug repository. A taskId that
// names no task is a 422 REFERENCE_NOT_FOUND, raised by the repository.
import { Bug, BugListQuery, CreateBugBody, PatchBugBody } from '../domains/bugs/schemas.js'
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

const bug = resource({ path: '/bugs', noun: 'Bug', entity: Bug, versionOf: (entity) => entity.version })

export default resourcePlugin('bugs', async (app) => {
  const repo = app.repos.bugs
  app.route(
    createRoute(bug, repo, {
      summary: 'Create a bug',
      access: 'contributor',
      body: CreateBugBody,
      problems: [422],
    }),
  )
  app.route(
    listRoute(bug, {
      summary: 'List bugs, newest first',
      access: 'viewer',
      querystring: BugListQuery,
      list: newestFirst(repo),
    }),
  )
  const history = { entity: 'bug' as const, audit: app.repos.audit, repo }
  app.route(
    getWithHistoryRoute(bug, history, {
      summary: 'Get a bug, or with ?asOf= the bug as it was then',
      access: 'viewer',
    }),
  )
  app.route(
    updateRoute(bug, repo, {
      summary: 'Change a bug (needs If-Match or version)',
      access: 'contributor',
      body: PatchBugBody,
      problems: [422],
    }),
  )
  app.route(
    deleteRoute(bug, repo, { summary: 'Delete a bug (needs If-Match or ?version=)', access: 'maintainer' }),
  )
  app.route(
    versionsRoute(bug, history, {
      summary: 'List the versions of a bug, live or deleted, newest first',
      access: 'viewer',
    }),
  )
  app.route(versionRoute(bug, history, { summary: 'Get a bug as it was at one version', access: 'viewer' }))
  app.route(
    restoreRoute(bug, history, {
      summary: 'Restore a version of a bug (If-Match), or undelete it (no If-Match)',
      access: 'contributor',
      undeleteAccess: 'maintainer',
    }),
  )
})
