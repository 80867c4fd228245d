// /audit-entries: the audit trail, read-only, newest (highest seq) first, and the chain's head; for maintainers.
import { AuditEntry, AuditHead, AuditListQuery } from '../domains/audit/schemas.js'
import { canonicalTime, decodeSeqCursor } from '../http/cursor.js'
import { getRoute, listRoute, readRoute, resource, resourcePlugin } from '../http/resource.js'

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
  // Before /:id in the document; Fastify prefers the static path whatever the order.
  app.route(
    readRoute(auditEntry, '/head', 'getAuditHead', {
      summary: 'The newest entry of the hash chain (seq, hash, at): a checkpoint to keep elsewhere',
      access: 'maintainer',
      entity: AuditHead,
      read: () => repo.head(),
      missing: 'The audit trail is empty: there is no head',
    }),
  )
  app.route(getRoute(auditEntry, repo, { access: 'maintainer' }))
})
