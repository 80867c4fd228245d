// /status-updates: posted once and never changed, so no versions: create, list and get.
import {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateListQuery,
} from '../domains/status-updates/schemas.js'
import { canonicalTime, decodeCreatedCursor } from '../http/cursor.js'
import { createRoute, getRoute, listRoute, resource, resourcePlugin } from '../http/resource.js'

const statusUpdate = resource({ path: '/status-updates', noun: 'Status update', entity: StatusUpdate })

export default resourcePlugin('status-updates', async (app) => {
  const repo = app.repos.statusUpdates
  app.route(
    createRoute(statusUpdate, repo, {
      summary: 'Post a status update (immutable once written)',
      access: 'contributor',
      body: CreateStatusUpdateBody,
      problems: [422],
    }),
  )
  app.route(
    listRoute(statusUpdate, {
      summary: 'List status updates, newest first',
      access: 'viewer',
      querystring: StatusUpdateListQuery,
      list: ({ limit, cursor, since, ...filter }) =>
        repo.list({
          filter: { ...filter, ...(since === undefined ? {} : { since: canonicalTime(since, 'since') }) },
          limit,
          after: decodeCreatedCursor(cursor),
        }),
    }),
  )
  app.route(getRoute(statusUpdate, repo, { access: 'viewer' }))
})
