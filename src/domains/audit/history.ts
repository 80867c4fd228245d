// An entity's history, rebuilt from its audit entries in one place for every backend. Forward from creation:
// a `create` (or `restore`) entry's diff holds every field of the entity as written (`[null, value]`), an
// `update` entry's diff holds exactly the fields that changed (`[before, after]`), and a `delete` ends it. So
// applying each entry's after-values, in seq order, to the state before it yields the state the write
// answered; no step depends on anything but the entries. The proof is the property test in
// test/http/history-property.test.ts.
import { entityHistoryPruned, notFound, referenceNotFound } from '../../core/errors.js'
import { type Page, type SeqKey, toPage } from '../../core/paging.js'
import type { AuditDiff, AuditEntry } from './schemas.js'

interface Versioned {
  version: number
}

/** One write in an entity's history: its entry, and the entity after it (null once deleted). */
export interface HistoryStep<T> {
  entry: AuditEntry
  state: T | null
}

/** The actions of a task's or bug's entries (`supersede` is a design note's). */
export const VERSION_ACTIONS = ['create', 'update', 'delete', 'restore'] as const
export type VersionAction = (typeof VERSION_ACTIONS)[number]

/** One item of `GET /…/:id/versions`: the version a write made (or deleted), who, when, and what changed. */
export interface VersionItem {
  version: number
  at: string
  actor: string
  action: VersionAction
  changes: AuditDiff
}

/** The oldest entry the audit trail still holds (retention removes a prefix of it, by seq). */
export interface OldestKept {
  seq: number
  at: string
}

/**
 * Whether entries after `seq` are gone: seqs start at 1 without a gap, so they are when the oldest kept entry
 * is past the next one. A reader at `seq` (a resume point, an open stream's position) would miss them.
 */
export const prunedAfter = (seq: number, oldest: OldestKept | undefined): oldest is OldestKept =>
  oldest !== undefined && oldest.seq > seq + 1

/** Fields every version has that a version item leaves out: they are the item's own `version`, and noise. */
const BOOKKEEPING = new Set(['version', 'updatedAt'])

const afterValues = (diff: AuditDiff): Record<string, unknown> =>
  Object.fromEntries(Object.entries(diff).map(([field, [, after]]) => [field, after]))

/**
 * Whether the entries are the entity's whole history: they start with its `create`. Retention deletes the
 * oldest entries of the trail, so an entity written before the cut has lost its first entries.
 */
export const isComplete = (entries: readonly AuditEntry[]) => entries[0]?.action === 'create'

/**
 * The state after each entry, oldest first. `entries` are one entity's, in seq order, and complete (see
 * isComplete); an entry that cannot follow the one before it means the trail is not what trail wrote.
 */
export function replay<T>(entries: readonly AuditEntry[]): HistoryStep<T>[] {
  let state: Record<string, unknown> | null = null
  return entries.map((entry) => {
    if (entry.action === 'create' || entry.action === 'restore') {
      if (state !== null) throw new Error(`Audit entry ${entry.seq} ${entry.action}s a live entity`)
      state = afterValues(entry.diff)
    } else if (state === null) {
      throw new Error(`Audit entry ${entry.seq} changes an entity that does not exist`)
    } else {
      state = entry.action === 'delete' ? null : { ...state, ...afterValues(entry.diff) }
    }
    return { entry, state: state as T | null }
  })
}

/**
 * The entity's history, oldest first, from its entries: 404 when there are none and the entity is not `live`
 * (it never existed, as far as the trail knows), 410 when they do not start with its creation (retention
 * removed the start, or all of it while the entity lives on).
 */
export function completeHistory<T>(
  entries: readonly AuditEntry[],
  live: boolean,
  what: string,
  id: string,
): HistoryStep<T>[] {
  if (isComplete(entries)) return replay(entries)
  if (entries.length === 0 && !live) throw notFound(what, id)
  throw entityHistoryPruned(what, id)
}

/** The version an entry made; for a delete, the version it deleted. */
const versionOfEntry = (entry: AuditEntry): number => {
  const [before, after] = entry.diff.version ?? [null, null]
  return (after ?? before) as number
}

export const versionItem = (entry: AuditEntry): VersionItem => ({
  version: versionOfEntry(entry),
  at: entry.at,
  actor: entry.actor,
  action: entry.action as VersionAction,
  changes: Object.fromEntries(Object.entries(entry.diff).filter(([field]) => !BOOKKEEPING.has(field))),
})

/** One page of the version items, newest first, keyed by the entries' seq like the audit list. */
export function versionPage(
  entries: readonly AuditEntry[],
  limit: number,
  after: SeqKey | undefined,
): Page<VersionItem, SeqKey> {
  const newestFirst = entries
    .filter((entry) => after === undefined || entry.seq < after.seq)
    .slice(-(limit + 1))
    .reverse()
  const page = toPage(newestFirst, limit, (entry) => ({ seq: entry.seq }))
  return { items: page.items.map(versionItem), next: page.next }
}

/** The entity as it was at version `n`, or undefined when it never had that version. */
export function atVersion<T extends Versioned>(steps: readonly HistoryStep<T>[], n: number): T | undefined {
  return steps.find((step) => step.state !== null && step.state.version === n)?.state ?? undefined
}

/**
 * The entity as it was at `time`: the state after the last write at or before it (writes' `at` never goes
 * backwards along seq), undefined when it did not exist then.
 */
export function asOf<T>(steps: readonly HistoryStep<T>[], time: string): T | undefined {
  let found: T | null = null
  for (const step of steps) {
    if (step.entry.at > time) break
    found = step.state
  }
  return found ?? undefined
}

/** The entity as it last existed: its current state, or the state its deletion removed. */
export function lastState<T>(steps: readonly HistoryStep<T>[]): T | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const state = steps[i]?.state
    if (state) return state
  }
  return undefined
}

/**
 * What a restore starts from, decided from the entity's complete history: `base` is the entity now (`live`)
 * or, for an undelete, as its deletion left it; `target` is version `n`. 404 when there is no history at all,
 * 422 when version `n` never existed.
 */
export function restorePoint<T extends Versioned>(
  steps: readonly HistoryStep<T>[],
  live: T | undefined,
  n: number,
  what: string,
  id: string,
): { base: T; target: T } {
  const base = live ?? lastState(steps)
  if (base === undefined) throw notFound(what, id)
  const target = atVersion(steps, n)
  if (target === undefined) throw referenceNotFound('version', String(n))
  return { base, target }
}
