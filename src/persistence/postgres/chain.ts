// The audit chain's reads and retention deletes on PostgreSQL: keyset pages on the seq index, and deletes of
// the oldest entries, a batch per short transaction. A delete takes no append lock: it never reaches the head
// (the prune's own entry is appended before it), so writers are not held up.
import { and, asc, desc, gt, lt, lte, sql } from 'drizzle-orm'
import type { AuditChain } from '../contract.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMs, toIso, visitEach } from './rows.js'
import { auditEntries } from './tables.js'

/** How an instance runs retention alone; see PostgresReposOptions.asRetentionRunner. */
export type RetentionRunner = AuditChain['asRetentionRunner']

export function createPostgresChain(
  db: PostgresDatabase,
  asRetentionRunner: RetentionRunner = (work) => work(),
): AuditChain {
  const rowsAfter = (afterSeq: number, limit: number, throughSeq?: number) =>
    withRetries(() =>
      db
        .select()
        .from(auditEntries)
        .where(
          and(
            gt(auditEntries.seq, afterSeq),
            throughSeq === undefined ? undefined : lte(auditEntries.seq, throughSeq),
          ),
        )
        .orderBy(asc(auditEntries.seq))
        .limit(limit),
    )
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
    chainPage: async (afterSeq, limit, throughSeq) =>
      (await rowsAfter(afterSeq, limit, throughSeq)).map(auditEntryFromRow),
    // The rows as the driver gives them, aliased to AuditEntryRow's keys: Drizzle would map each into a second
    // object, which only lengthens a long verify's garbage.
    scanChain: (afterSeq, limit, visit) =>
      withRetries(async () => {
        const result = await db.execute(sql`
          SELECT id, seq, actor, entity, entity_id AS "entityId", action, at, diff, prev_hash AS "prevHash", hash
          FROM audit_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`)
        const rows = (result as unknown as { rows: (Omit<AuditEntryRow, 'at'> & { at: unknown })[] }).rows
        // `at` is a bigint column: the driver gives it as text (node-postgres) or a bigint (PGlite).
        return visitEach(rows, (row) => visit({ ...row, at: Number(row.at) }))
      }),
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
