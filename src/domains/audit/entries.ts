// What every backend writes into the audit trail, computed in one place so all backends agree byte for byte:
// the entries a change plan records, where they go in the trail (their seq) and the time they carry.
import { uuidv7 } from 'uuidv7'
import type { AuditAction, AuditDiff, AuditEntity, AuditEntry } from './schemas.js'

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

/** An audit entry without its `seq`, which `sequence` assigns when the backend appends the entry. */
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

/** The newest entry of the trail as a write finds it (read under the write's lock): where the next ones go. */
export interface AuditTail {
  /** 0 for an empty trail. */
  lastSeq: number
  /** The newest entry's `at` in epoch milliseconds; undefined for an empty trail. */
  lastAt: number | undefined
}

/** Epoch milliseconds now; injected into each backend so tests (and one day a cluster clock) can set time. */
export type Clock = () => number

/** Reads `Date.now` at each call (not once), so a test that replaces `Date.now` moves it. */
export const systemClock: Clock = () => Date.now()

/**
 * The time a write records: the clock, but never before the newest audit entry. The time-window lists turn
 * times into seq ranges, so `at` must not go backwards along seq: a clock stepping back (or another instance's
 * clock running ahead) must not hide entries.
 */
export const writeTime = (clock: Clock, tail: AuditTail): string =>
  new Date(Math.max(clock(), tail.lastAt ?? Number.NEGATIVE_INFINITY)).toISOString()

/**
 * The pending entries numbered after the tail, in the order the plan lists them: the one place that places an
 * entry in the trail (where a hash chain will link each entry to the one before).
 */
export const sequence = (pending: readonly PendingAuditEntry[], tail: AuditTail): AuditEntry[] =>
  pending.map((entry, i) => ({ ...entry, seq: tail.lastSeq + i + 1 }))
