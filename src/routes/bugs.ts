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
  app.route(createRoute(bug, repo, { access: 'contributor', body: CreateBugBody, problems: [422] }))
  app.route(
    listRoute(bug, {
      summary: 'List bugs, newest first',
      access: 'viewer',
      querystring: BugListQuery,
      list: newestFirst(repo),
    }),
  )
  const history = { entity: 'bug' as const, audit: app.repos.audit, repo }
  app.route(getWithHistoryRoute(bug, history, { access: 'viewer' }))
  app.route(updateRoute(bug, repo, { access: 'contributor', body: PatchBugBody, problems: [422] }))
  app.route(deleteRoute(bug, repo, { access: 'maintainer' }))
  app.route(versionsRoute(bug, history, { access: 'viewer' }))
  app.route(versionRoute(bug, history, { access: 'viewer' }))
  app.route(restoreRoute(bug, history, { access: 'contributor', undeleteAccess: 'maintainer' }))
})
