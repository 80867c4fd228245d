import { desc, eq, gte, lt, lte, sql } from 'drizzle-orm'
import type { AuditRepository } from '../contract.js'
import { toPage } from '../paging.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMsIfSet } from './rows.js'
import { auditEntries } from './schema.js'
import { byId, listStatements, type Store } from './store.js'

export function createAuditRepository({ db }: Store): AuditRepository {
  const selectEntry = db.select().from(auditEntries).where(byId(auditEntries)).prepare()
  const listStatement = listStatements(
    {
      entity: (value) => eq(auditEntries.entity, value),
      entityId: (value) => eq(auditEntries.entityId, value),
      actor: (value) => eq(auditEntries.actor, value),
      action: (value) => eq(auditEntries.action, value),
      since: (value) => gte(auditEntries.at, value),
      until: (value) => lte(auditEntries.at, value),
      beforeSeq: (value) => lt(auditEntries.seq, value),
    },
    (where) =>
      db
        .select()
        .from(auditEntries)
        .where(where)
        .orderBy(desc(auditEntries.seq))
        .limit(sql.placeholder('limit'))
        .prepare(),
  )

  return {
    async get(id) {
      const row: AuditEntryRow | undefined = selectEntry.get({ id })
      return row && auditEntryFromRow(row)
    },
    async list({ filter, limit, after }) {
      const params = {
        ...filter,
        since: toEpochMsIfSet(filter.since),
        until: toEpochMsIfSet(filter.until),
        beforeSeq: after?.seq,
        limit: limit + 1,
      }
      const rows = listStatement(params).all(params).map(auditEntryFromRow)
      return toPage(rows, limit, (entry) => ({ seq: entry.seq }))
    },
  }
}
