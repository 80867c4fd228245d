// /audit-entries: the audit trail, read-only, newest (highest seq) first; for maintainers.
import { AuditEntry, AuditListQuery } from '../domains/audit/schemas.js'
import { canonicalTime, decodeSeqCursor } from '../http/cursor.js'
import { getRoute, listRoute, resource, resourcePlugin } from '../http/resource.js'

const auditEntry = resource({ path: '/audit-entries', tag: 'audit', noun: 'Audit entry', entity: AuditEntry })

export default resourcePlugin('audit', async (app) => {
  const repo = app.repos.audit
  app.route(
    listRoute(auditEntry, {
      summary: 'List audit entries, newest (highest seq) first',
      access: 'maintainer',
      querystring: AuditListQuery,
      list: ({ limit, cursor, since, until, ...filter }) =>
        repo.list({
          filter: {
            ...filter,
            ...(since === undefined ? {} : { since: canonicalTime(since, 'since') }),
            ...(until === undefined ? {} : { until: canonicalTime(until, 'until') }),
          },
          limit,
          after: decodeSeqCursor(cursor),
        }),
    }),
  )
  app.route(getRoute(auditEntry, repo, { summary: 'Get an audit entry', access: 'maintainer' }))
})
