// The audit chain's reads and retention deletes on SQLite: keyset pages on the seq index, and deletes of the
// oldest entries in short immediate transactions (a writer waits for one batch at most).
import { asc, desc, lt, lte, sql } from 'drizzle-orm'
import type { AuditChain } from '../contract.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMs, toIso } from './rows.js'
import type { Store } from './store.js'
import { auditEntries } from './tables.js'

/** The newest entry's seq, hash and time: the chain's head, and the tail a write appends after. */
export const prepareNewestEntry = (db: Store['db']) =>
  db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash, at: auditEntries.at })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
    .prepare()

export function createSqliteChain(store: Store): AuditChain {
  const { db } = store
  const newest = prepareNewestEntry(db)
  const page = db
    .select()
    .from(auditEntries)
    .where(
      sql`${auditEntries.seq} > ${sql.placeholder('afterSeq')} and ${auditEntries.seq} <= ${sql.placeholder('throughSeq')}`,
    )
    .orderBy(asc(auditEntries.seq))
    .limit(sql.placeholder('limit'))
    .prepare()
  // `at` never goes backwards along seq, so the newest entry before a time ends the prefix older than it.
  const lastBefore = db
    .select({ seq: auditEntries.seq })
    .from(auditEntries)
    .where(lt(auditEntries.at, sql.placeholder('time')))
    .orderBy(desc(auditEntries.at), desc(auditEntries.seq))
    .limit(1)
    .prepare()
  const oldestThrough = db
    .select({ seq: auditEntries.seq })
    .from(auditEntries)
    .where(lte(auditEntries.seq, sql.placeholder('throughSeq')))
    .orderBy(asc(auditEntries.seq))
    .limit(sql.placeholder('limit'))
  const removeOldest = db.delete(auditEntries).where(sql`${auditEntries.seq} in (${oldestThrough})`).prepare()

  return {
    async head() {
      const row = newest.get()
      return row && { seq: row.seq, hash: row.hash, at: toIso(row.at) }
    },
    chainPage: async (afterSeq, limit, throughSeq = Number.MAX_SAFE_INTEGER) =>
      (page.all({ afterSeq, throughSeq, limit }) as AuditEntryRow[]).map(auditEntryFromRow),
    lastSeqBefore: async (time) => lastBefore.get({ time: toEpochMs(time) })?.seq,
    deleteOldest: (throughSeq, limit) => store.write(() => removeOldest.run({ throughSeq, limit }).changes),
    // One server per file is the deployment; two pruning at once would archive twice and lose nothing.
    asRetentionRunner: (work) => work(),
  }
}
