// The audit trail's hash chain (API.md "The audit trail as evidence"): each entry's hash covers the entry as the
// API returns it and the hash of the entry before it, so changing, removing or reordering any entry breaks every
// link after it. Computed here only: `sequence` links new entries, the migration back-fills old ones, and the
// verifier (verify.ts) recomputes the same function, from the stored form when it reads a database.
import { hash } from 'node:crypto'
// canonicalize 5 declares Node >= 22, but the only newer API it uses is String.prototype.isWellFormed, which
// Node 20 has; CI runs every chain test on Node 20. It canonicalises an entry 1.6x faster than 4.0 (it checks
// strings for lone surrogates natively), the bulk of `trail audit verify`'s time (bench/results/chain.md).
import canonicalize from 'canonicalize'
import type { AuditEntry } from './schemas.js'

/** The `prevHash` of the first entry ever written. */
export const GENESIS_HASH = '0'.repeat(64)

/** What an entry's hash covers: every field the API returns but the two hashes themselves. */
export type HashedFields = Pick<
  AuditEntry,
  'seq' | 'id' | 'at' | 'actor' | 'entity' | 'entityId' | 'action' | 'diff'
>

/** RFC 8785 (JCS) text of the hashed fields: key order, number and string forms fixed by the standard. */
export const canonicalText = (entry: HashedFields): string =>
  canonicalize({
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    diff: entry.diff,
  }) as string

/** `sha256(prevHash + canonical)`, lowercase hex (both are well-formed, so one UTF-8 string of the two). */
export const chainHash = (prevHash: string, entry: HashedFields): string =>
  hash('sha256', prevHash + canonicalText(entry), 'hex')

/**
 * An entry as both SQL dialects store it (their audit_entries row): the time in epoch milliseconds, the diff as
 * JSON text, and entity and action as whatever text the row holds.
 */
export type StoredAuditEntry = {
  id: string
  seq: number
  actor: string
  entity: string
  entityId: string
  action: string
  at: number
  diff: string
  prevHash: string
  hash: string
}

/** The time as the API returns it (and the hash covers it): a millisecond ISO string, as toISOString writes. */
export function isoOfStored(epochMs: number): string {
  // toISOString was a tenth of verifying an entry, and entries in a row mostly share their second: the text
  // up to the milliseconds is kept from the last call. Whole milliseconds inside Date's range only (beyond
  // it toISOString throws, and a fraction it drops).
  const second = Math.floor(epochMs / 1000)
  const wholeInRange = Number.isInteger(epochMs) && Math.abs(epochMs) < MAX_DATE_MS
  if (wholeInRange && second === lastSecond) {
    return `${lastSecondText}${String(epochMs - second * 1000).padStart(3, '0')}Z`
  }
  const iso = new Date(epochMs).toISOString()
  if (wholeInRange) {
    lastSecond = second
    lastSecondText = iso.slice(0, -4)
  }
  return iso
}

const MAX_DATE_MS = 8.64e15
let lastSecond = Number.NaN
let lastSecondText = ''

/**
 * A stored entry as the API returns it (ISO time, parsed diff): the verifier hashes it with the same `chainHash`
 * every write uses, so it cannot drift from the writer. (A hand-written canonicaliser working on the stored text
 * was 1.6x faster; the chain's definition stays with the `canonicalize` library instead. bench/results/chain.md.)
 * Throws when the diff is no longer JSON. Entity and action are kept as stored: a tampered row is hashed as it is.
 */
export const storedEntry = (entry: StoredAuditEntry): AuditEntry => ({
  ...entry,
  at: isoOfStored(entry.at),
  entity: entry.entity as AuditEntry['entity'],
  action: entry.action as AuditEntry['action'],
  diff: JSON.parse(entry.diff),
})

/** chainHash of a stored entry after its own `prevHash`: what `trail audit verify` computes per entry. */
export const storedChainHash = (entry: StoredAuditEntry): string =>
  chainHash(entry.prevHash, storedEntry(entry))

/** Entries in seq order linked after `prevHash`: each gets the previous one's hash and its own. */
export function link<T extends HashedFields>(
  prevHash: string,
  entries: readonly T[],
): (T & { prevHash: string; hash: string })[] {
  let previous = prevHash
  return entries.map((entry) => {
    const hash = chainHash(previous, entry)
    const linked = { ...entry, prevHash: previous, hash }
    previous = hash
    return linked
  })
}
