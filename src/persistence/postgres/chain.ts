// The audit chain's reads and retention deletes on PostgreSQL: keyset pages on the seq index, and deletes of
// the oldest entries, a batch per short transaction. A delete takes no append lock: it never reaches the head
// (the prune's own entry is appended before it), so writers are not held up.
import { and, asc, desc, gt, lt, lte, type SQL, sql } from 'drizzle-orm'
import type { AuditChain } from '../contract.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { auditEntryFromRow, toEpochMs, toIso } from './rows.js'
import { auditEntries } from './tables.js'

/**
 * Up to `limit` audit entries after seq `afterSeq` that meet `conditions`, oldest first: the reads that follow
 * the chain forwards (verification, the change feed, webhook delivery), on the seq index.
 */
export async function entriesAfter(
  db: PostgresDatabase,
  afterSeq: number,
  limit: number,
  ...conditions: (SQL | undefined)[]
) {
  const rows = await db
    .select()
    .from(auditEntries)
    .where(and(gt(auditEntries.seq, afterSeq), ...conditions))
    .orderBy(asc(auditEntries.seq))
    .limit(limit)
  return rows.map(auditEntryFromRow)
}

/** How an instance runs retention alone; see PostgresReposOptions.asRetentionRunner. */
export type RetentionRunner = AuditChain['asRetentionRunner']

export function createPostgresChain(
  db: PostgresDatabase,
  asRetentionRunner: RetentionRunner = (work) => work(),
): AuditChain {
  return {
    asRetentionRunner,
    head: () =>
      withRetries(async () => {
        const [row] = await db
          .select({ seq: auditEntries.seq, hash: auditEntries.hash, at: auditEntries.at })
          .from(auditEntries)
          .orderBy(desc(auditEntries.seq))
          .limit(1)
        return row && { seq: row.seq, hash: row.hash, at: toIso(row.at) }
      }),
    chainPage: (afterSeq, limit, throughSeq) =>
      withRetries(() =>
        entriesAfter(
          db,
          afterSeq,
          limit,
          throughSeq === undefined ? undefined : lte(auditEntries.seq, throughSeq),
        ),
      ),
    // `at` never goes backwards along seq, so the newest entry before a time ends the prefix older than it.
    lastSeqBefore: (time) =>
      withRetries(async () => {
        const [row] = await db
          .select({ seq: auditEntries.seq })
          .from(auditEntries)
          .where(lt(auditEntries.at, toEpochMs(time)))
          .orderBy(desc(auditEntries.at), desc(auditEntries.seq))
          .limit(1)
        return row?.seq
      }),
    deleteOldest: (throughSeq, limit) =>
      withRetries(async () => {
        const oldest = db
          .select({ seq: auditEntries.seq })
          .from(auditEntries)
          .where(lte(auditEntries.seq, throughSeq))
          .orderBy(asc(auditEntries.seq))
          .limit(limit)
        const deleted = await db
          .delete(auditEntries)
          .where(sql`${auditEntries.seq} in (${oldest})`)
          .returning({ seq: auditEntries.seq })
        return deleted.length
      }),
  }
}
