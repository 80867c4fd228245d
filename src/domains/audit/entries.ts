// What every backend writes into the audit trail, computed in one place so all backends agree byte for byte:
// the entries a change plan records, where they go in the trail (their seq) and the time they carry.
import { uuidv7 } from 'uuidv7'
import { GENESIS_HASH, link } from './chain.js'
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

/** An audit entry without its place in the trail (`seq` and its two hashes), which `sequence` assigns. */
export type PendingAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>

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
  /** The newest entry's hash; GENESIS_HASH for an empty trail. */
  lastHash: string
}

/** The tail of a trail whose newest entry is `newest` (undefined: empty), as each backend reads it. */
export const tailAfter = (newest: { seq: number; at: number; hash: string } | undefined): AuditTail =>
  newest === undefined
    ? { lastSeq: 0, lastAt: undefined, lastHash: GENESIS_HASH }
    : { lastSeq: newest.seq, lastAt: newest.at, lastHash: newest.hash }

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
 * The pending entries numbered after the tail, in the order the plan lists them, each linked into the hash
 * chain after the one before (the first after the tail's hash): the one place that places an entry in the trail.
 * Keys in the order the API's schema lists them, so every backend stores and returns the same object.
 */
export const sequence = (pending: readonly PendingAuditEntry[], tail: AuditTail): AuditEntry[] =>
  link(
    tail.lastHash,
    pending.map((entry, i) => ({
      id: entry.id,
      seq: tail.lastSeq + i + 1,
      actor: entry.actor,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      at: entry.at,
      diff: entry.diff,
    })),
  )
