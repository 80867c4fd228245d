// The audit chain's reads and retention deletes on SQLite: keyset pages on the seq index, and deletes of the
// oldest entries in short immediate transactions (a writer waits for one batch at most).
import { asc, desc, getTableColumns, gt, lt, lte, sql } from 'drizzle-orm'
import type { AuditChain } from '../contract.js'
import { sqliteRetentionRunner } from './retention-lock.js'
import { type AuditEntryRow, auditEntryFromRow, toEpochMs, toIso, visitEach } from './rows.js'
import { limitParameter, rowReader, type Store } from './store.js'
import { auditEntries } from './tables.js'

/** An audit_entries row as scanChain reads it: the table's columns in the table's order. */
type ScannedRow = [string, number, string, string, string, string, number, string, string, string]
const SCANNED_ORDER = 'id,seq,actor,entity,entityId,action,at,diff,prevHash,hash'

/**
 * The newest entry's seq, hash and time: the chain's head, and the tail every write appends after. Written in
 * SQL with a literal LIMIT 1: Drizzle binds a limit as a parameter, and SQLite plans with a bound LIMIT's value,
 * so it prepares the statement again each time that parameter is bound (sqlite3ExprIsInteger). 7 µs of CPU a
 * read with the literal against 20 with the parameter, and every write transaction reads it.
 */
export const prepareNewestEntry = ({ sqlite }: Store) =>
  sqlite.prepare<[], { seq: number; hash: string; at: number }>(
    'SELECT seq, hash, at FROM audit_entries ORDER BY seq DESC LIMIT 1',
  )

/** Up to `limit` entries after seq `after`, in seq order: what the change feed and the webhook worker read. */
export function prepareEntriesAfter({ db, sqlite }: Store) {
  const columns = getTableColumns(auditEntries)
  return rowReader<AuditEntryRow>(
    sqlite,
    columns,
    db
      .select(columns)
      .from(auditEntries)
      .where(gt(auditEntries.seq, sql.placeholder('after')))
      .orderBy(asc(auditEntries.seq))
      .limit(limitParameter()),
  )
}

export function createSqliteChain(store: Store): AuditChain {
  const { db } = store
  const newest = prepareNewestEntry(store)
  const page = db
    .select()
    .from(auditEntries)
    .where(
      sql`${auditEntries.seq} > ${sql.placeholder('afterSeq')} and ${auditEntries.seq} <= ${sql.placeholder('throughSeq')}`,
    )
    .orderBy(asc(auditEntries.seq))
    .limit(limitParameter())
    .prepare()
  // Straight from better-sqlite3, row by row, as arrays made into rows here: Drizzle would build the whole page
  // and map every row again, and better-sqlite3's own row objects cost half as much again as the literal below.
  const columns = getTableColumns(auditEntries)
  if (Object.keys(columns).join() !== SCANNED_ORDER)
    throw new Error(`audit_entries' columns are not ${SCANNED_ORDER}: change scanChain's row with them`)
  const names = Object.values(columns).map((column) => `"${column.name}"`)
  const scan = store.sqlite
    // `LIMIT +?`: see limitParameter (store.ts).
    .prepare<[number, number], ScannedRow>(
      `SELECT ${names.join(', ')} FROM audit_entries WHERE seq > ? ORDER BY seq LIMIT +?`,
    )
    .raw()
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
    .limit(limitParameter())
  const removeOldest = db.delete(auditEntries).where(sql`${auditEntries.seq} in (${oldestThrough})`).prepare()

  return {
    async head() {
      const row = newest.get()
      return row && { seq: row.seq, hash: row.hash, at: toIso(row.at) }
    },
    chainPage: async (afterSeq, limit, throughSeq = Number.MAX_SAFE_INTEGER) =>
      (page.all({ afterSeq, throughSeq, limit }) as AuditEntryRow[]).map(auditEntryFromRow),
    scanChain: async (afterSeq, limit, visit) =>
      visitEach(scan.iterate(afterSeq, limit), (row) =>
        visit({
          id: row[0],
          seq: row[1],
          actor: row[2],
          entity: row[3],
          entityId: row[4],
          action: row[5],
          at: row[6],
          diff: row[7],
          prevHash: row[8],
          hash: row[9],
        }),
      ),
    lastSeqBefore: async (time) => lastBefore.get({ time: toEpochMs(time) })?.seq,
    deleteOldest: (throughSeq, limit) => store.write(() => removeOldest.run({ throughSeq, limit }).changes),
    asRetentionRunner: sqliteRetentionRunner(store.sqlite),
  }
}
