import { asc, desc, eq, gte, lt, lte, type Placeholder, sql } from 'drizzle-orm'
import { toPage } from '../../core/paging.js'
import type { AuditRepository } from '../contract.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMsIfSet } from './rows.js'
import { byId, listStatements, type Store } from './store.js'
import { auditEntries } from './tables.js'

export function createAuditRepository({ db }: Store): AuditRepository {
  /** The oldest entry's seq whose `at` >= the value. */
  const sinceSeq = (value: Placeholder) =>
    db
      .select({ seq: auditEntries.seq })
      .from(auditEntries)
      .where(gte(auditEntries.at, value))
      .orderBy(asc(auditEntries.at), asc(auditEntries.seq))
      .limit(1)
  /** The newest entry's seq whose `at` <= the value. */
  const untilSeq = (value: Placeholder) =>
    db
      .select({ seq: auditEntries.seq })
      .from(auditEntries)
      .where(lte(auditEntries.at, value))
      .orderBy(desc(auditEntries.at), desc(auditEntries.seq))
      .limit(1)
  const selectEntry = db.select().from(auditEntries).where(byId(auditEntries)).prepare()
  const listStatement = listStatements(
    {
      entity: (value) => eq(auditEntries.entity, value),
      entityId: (value) => eq(auditEntries.entityId, value),
      actor: (value) => eq(auditEntries.actor, value),
      action: (value) => eq(auditEntries.action, value),
      // `at` never goes backwards along seq (see Store.now), so a time window is a seq range: its ends are
      // looked up on the `at` index and the list walks seq within them (no entry qualifies → null → empty).
      since: (value) => gte(auditEntries.seq, sinceSeq(value)),
      until: (value) => lte(auditEntries.seq, untilSeq(value)),
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
