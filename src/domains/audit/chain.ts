// The audit trail's hash chain (API.md "The audit trail as evidence"): each entry's hash covers the entry as the
// API returns it and the hash of the entry before it, so changing, removing or reordering any entry breaks every
// link after it. Computed here only: `sequence` links new entries, the migration back-fills old ones, and the
// verifier (verify.ts) recomputes the same function.
import { createHash } from 'node:crypto'
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

/** `sha256(prevHash + canonical)`, lowercase hex. */
export const chainHash = (prevHash: string, entry: HashedFields): string =>
  createHash('sha256').update(prevHash).update(canonicalText(entry)).digest('hex')

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
