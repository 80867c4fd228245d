// What every backend writes into the audit trail, computed in one place so all backends agree byte for byte.
import { uuidv7 } from 'uuidv7'
import type { AuditAction, AuditDiff, AuditEntity, AuditEntry } from '../domains/audit/schemas.js'

type Fields = Record<string, unknown>

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * `{ field: [before, after] }` for every field that differs. With no `before` (create) every field of
 * `after` appears with `before: null`; with no `after` (delete) every field of `before` with `after: null`.
 */
export function diff(before: Fields | null, after: Fields | null): AuditDiff {
  const result: AuditDiff = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    const from = before?.[key] ?? null
    const to = after?.[key] ?? null
    if (before === null || after === null || !same(from, to)) result[key] = [from, to]
  }
  return result
}

/** An audit entry without its `seq`, which the backend assigns when it appends the entry. */
export type PendingAuditEntry = Omit<AuditEntry, 'seq'>

export function auditEntry(
  entity: AuditEntity,
  action: AuditAction,
  actor: string,
  at: string,
  before: Fields | null,
  after: Fields | null,
): PendingAuditEntry {
  const entityId = (after?.id ?? before?.id) as string
  return { id: uuidv7(), actor, entity, entityId, action, at, diff: diff(before, after) }
}
