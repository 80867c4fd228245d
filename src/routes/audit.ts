import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { AuditEntry, AuditListQuery } from '../domains/audit/schemas.js'
import { notFound } from '../errors.js'
import { canonicalTime, decodeSeqCursor, encodeCursor } from '../http/cursor.js'
import { IdParams, Page, problems } from '../http/schemas.js'

const audit: FastifyPluginAsyncTypebox = async (app) => {
  const repo = app.repos.audit
  const tags = ['audit']

  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listAuditEntries',
        summary: 'List audit entries, newest (highest seq) first',
        querystring: AuditListQuery,
        response: { 200: Page(AuditEntry), ...problems(400, 500, 503) },
      },
    },
    async (request) => {
      const { limit, cursor, since, until, ...filter } = request.query
      const page = await repo.list({
        filter: {
          ...filter,
          ...(since === undefined ? {} : { since: canonicalTime(since, 'since') }),
          ...(until === undefined ? {} : { until: canonicalTime(until, 'until') }),
        },
        limit,
        after: decodeSeqCursor(cursor),
      })
      return { items: page.items, nextCursor: encodeCursor(page.next) }
    },
  )

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getAuditEntry',
        summary: 'Get an audit entry',
        params: IdParams,
        response: { 200: AuditEntry, ...problems(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const entry = await repo.get(request.params.id)
      if (entry === undefined) throw notFound('Audit entry', request.params.id)
      return entry
    },
  )
}

export default fp(audit, { name: 'audit', dependencies: ['persistence', 'http-errors'], encapsulate: true })
