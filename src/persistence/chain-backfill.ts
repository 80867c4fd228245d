// Back-fill of the hash chain over audit entries written before it (migration 0003 adds `prev_hash` and `hash`
// as ''). A hash cannot be computed in SQL (RFC 8785 and SHA-256 live in TypeScript), so each backend's migrate
// runs this after its migrations: in seq order, a batch per short transaction, from the newest entry already
// hashed. It is idempotent: an interrupted back-fill resumes where it stopped, a finished one finds the newest
// entry hashed and does nothing, and a row hashed meanwhile by another process is kept as it is.
import { GENESIS_HASH, link } from '../domains/audit/chain.js'
import { type AuditEntryRow, auditEntryFromRow } from './rows.js'

export const BACKFILL_BATCH = 1000

/** Where a back-fill resumes: after the newest hashed entry (or from the start of an unhashed trail). */
export interface BackfillCursor {
  seq: number
  hash: string
}

export const BACKFILL_START: BackfillCursor = { seq: 0, hash: GENESIS_HASH }

/** The hashes of the next batch, linked after `cursor`, and where the batch after it starts. */
export function linkBatch(
  cursor: BackfillCursor,
  rows: readonly AuditEntryRow[],
): { updates: { seq: number; prevHash: string; hash: string }[]; next: BackfillCursor } {
  const updates: { seq: number; prevHash: string; hash: string }[] = []
  let previous = cursor.hash
  for (const row of rows) {
    if (row.hash !== '') {
      previous = row.hash
      continue
    }
    const [linked] = link(previous, [auditEntryFromRow(row)])
    const { prevHash, hash } = linked as { prevHash: string; hash: string }
    updates.push({ seq: row.seq, prevHash, hash })
    previous = hash
  }
  const last = rows.at(-1)
  return { updates, next: last === undefined ? cursor : { seq: last.seq, hash: previous } }
}
