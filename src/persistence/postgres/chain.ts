// The audit chain's reads and retention deletes on PostgreSQL: keyset pages on the seq index, and deletes of
// the oldest entries, a batch per short transaction. A delete takes no append lock: it never reaches the head
// (the prune's own entry is appended before it), so writers are not held up.
import { and, asc, desc, gt, lt, lte, type SQL, sql } from 'drizzle-orm'
import type { AuditChain } from '../contract.js'
import { inProcessRetentionRunner } from '../retention-runner.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMs, toIso, visitEach } from './rows.js'
import { fixedStatement } from './statements.js'
import { auditEntries } from './tables.js'

type ScannedRow = Omit<AuditEntryRow, 'at'> & { at: unknown }

/**
 * Up to `limit` audit entries after seq `afterSeq` that meet `conditions`, oldest first, on the seq index: the
 * forward reads with conditions (a filtered change feed, a chain page up to a seq); the unconditional one is
 * prepareEntriesAfter below.
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

/**
 * Up to `limit` entries after seq `after`, oldest first, as a statement built once: the page the webhook worker
 * reads and an unfiltered change feed's read after each commit, both on the hot path of a write.
 */
export function prepareEntriesAfter(db: PostgresDatabase) {
  const page = fixedStatement<AuditEntryRow[]>(
    'trail_entries_after',
    db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.seq, sql.placeholder('after')))
      .orderBy(asc(auditEntries.seq))
      .limit(sql.placeholder('limit')),
  )
  return async (after: number, limit: number) => (await page(db, { after, limit })).map(auditEntryFromRow)
}

/** How an instance runs retention alone; see PostgresReposOptions.asRetentionRunner. */
export type RetentionRunner = AuditChain['asRetentionRunner']

export function createPostgresChain(
  db: PostgresDatabase,
  asRetentionRunner: RetentionRunner = inProcessRetentionRunner(),
): AuditChain {
  // The rows as the driver gives them, aliased to AuditEntryRow's keys: Drizzle would map each into a second
  // object, which only lengthens a long verify's garbage.
  const scanPage = (afterSeq: number, limit: number) =>
    withRetries(async () => {
      const result = await db.execute(sql`
        SELECT id, seq, actor, entity, entity_id AS "entityId", action, at, diff, prev_hash AS "prevHash", hash
        FROM audit_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`)
      return (result as unknown as { rows: ScannedRow[] }).rows
    })
  // scanChain asks for the page after a full one while that one is hashed, so the server's time overlaps
  // trail's (a verify reads a million entries page after page). The read-ahead serves the very next call only,
  // and only if it asks for exactly that page; it sees the trail as it was a page earlier, which a verify
  // cannot tell from having been a page faster.
  let ahead: { afterSeq: number; limit: number; rows: Promise<ScannedRow[]> } | undefined
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
    async scanChain(afterSeq, limit, visit) {
      const readAhead = ahead
      ahead = undefined
      const rows = await (readAhead?.afterSeq === afterSeq && readAhead.limit === limit
        ? readAhead.rows
        : scanPage(afterSeq, limit))
      const last = rows.at(-1)
      if (last !== undefined && rows.length === limit) {
        const next = scanPage(last.seq, limit)
        // A read-ahead no call takes fails unseen; one taken throws where it is awaited.
        next.catch(() => {})
        ahead = { afterSeq: last.seq, limit, rows: next }
      }
      // `at` is a bigint column: the driver gives it as text (node-postgres) or a bigint (PGlite).
      return visitEach(rows, (row) => visit({ ...row, at: Number(row.at) }))
    },
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
