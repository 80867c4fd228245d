// The shape of a change plan: what one mutation decided from what its backend read. The plans themselves live
// beside each domain's rules (src/domains/<domain>/plans.ts); every backend applies them with one `apply`.

import { uuidv7 } from 'uuidv7'
import { notDeleted, notFound, referenceNotFound, versionMismatch } from '../../core/errors.js'
import { auditEntry, type PendingAuditEntry } from './entries.js'
import type { AuditEntity } from './schemas.js'

/** One row written by a plan. Updates and deletes of versioned rows carry the version to compare-and-set on. */
export type RowChange<Table extends string, Row extends { id: string }> =
  | { table: Table; op: 'insert'; row: Row }
  | { table: Table; op: 'update'; before: Row; row: Row; expectedVersion?: number }
  | { table: Table; op: 'delete'; before: Row; expectedVersion?: number }

/**
 * Everything a mutation writes, decided before anything is written: its rows in the order they are written,
 * its audit entries in the order they join the trail, and what the caller gets back. A change that changes
 * nothing has neither rows nor entries.
 */
export interface ChangePlan<Change, Result> {
  changes: Change[]
  audit: PendingAuditEntry[]
  result: Result
}

/** The plan of a new row: its insert, its `create` entry (at its creation time), and the row as the result. */
export const created = <Table extends string, Row extends { id: string; createdAt: string }>(
  table: Table,
  entity: AuditEntity,
  row: Row,
  actor: string,
): ChangePlan<RowChange<Table, Row>, Row> => ({
  changes: [{ table, op: 'insert', row }],
  audit: [auditEntry(entity, 'create', actor, row.createdAt, null, row)],
  result: row,
})

/** A plan that writes nothing and answers `result` (a PATCH that changes no field). */
export const unchanged = <Result>(result: Result): ChangePlan<never, Result> => ({
  changes: [],
  audit: [],
  result,
})

/** One plan of the rows and entries of several, in their order, answering `result`. */
export const combine = <Change, Result>(
  plans: ChangePlan<Change, unknown>[],
  result: Result,
): ChangePlan<Change, Result> => ({
  changes: plans.flatMap((plan) => plan.changes),
  audit: plans.flatMap((plan) => plan.audit),
  result,
})

/** Throws `referenceNotFound(field, id)` when `id` names a row that the backend did not find. */
export function expectReference(field: string, id: string | null | undefined, found: boolean): void {
  if (id != null && !found) throw referenceNotFound(field, id)
}

/** Whether a row read for a change is there at the version the client last saw. */
export const isAtVersion = (row: { version: number } | undefined, expectedVersion: number) =>
  row !== undefined && row.version === expectedVersion

/** The error for a row that is not at the expected version: gone, or moved on to `current.version`. */
export const staleOrGone = (what: string, id: string, current: { version: number } | undefined) =>
  current === undefined ? notFound(what, id) : versionMismatch(current.version)

/** The row a change may apply to; throws `notFound` when it is gone and `versionMismatch` when it moved on. */
export function expectVersion<T extends { version: number }>(
  row: T | undefined,
  what: string,
  id: string,
  expectedVersion: number,
): T {
  if (row === undefined || row.version !== expectedVersion) throw staleOrGone(what, id, row)
  return row
}

/**
 * The row a restore starts from: with `expectedVersion` (If-Match), the live row at that version (as
 * expectVersion); without it, an undelete, so there must be no live row (409 NOT_DELETED) and the answer is
 * undefined.
 */
export function expectLiveOrDeleted<T extends { version: number }>(
  row: T | undefined,
  what: string,
  id: string,
  expectedVersion: number | undefined,
): T | undefined {
  if (expectedVersion !== undefined) return expectVersion(row, what, id, expectedVersion)
  if (row !== undefined) throw notDeleted(what, id, row.version)
  return undefined
}

/** Whether a restore can go ahead on the row it read, so its history is worth reading (expectLiveOrDeleted). */
export const restoreMayProceed = (
  row: { version: number } | undefined,
  expectedVersion: number | undefined,
) => (expectedVersion === undefined ? row === undefined : isAtVersion(row, expectedVersion))
/** What a prune archived: the entries through `throughSeq`, the last of them `lastArchivedId`. */
export interface PruneRecord {
  throughSeq: number
  lastArchivedId: string
  entries: number
  archiveSha256: string
}

/** The plan of a prune's own audit entry (API.md "Retention"); it changes no row. Answers the entry's id. */
export const planPrune = (record: PruneRecord, actor: string, at: string): ChangePlan<never, string> => {
  const entry: PendingAuditEntry = {
    id: uuidv7(),
    actor,
    entity: 'audit',
    entityId: record.lastArchivedId,
    action: 'prune',
    at,
    diff: {
      throughSeq: [null, record.throughSeq],
      entries: [null, record.entries],
      archiveSha256: [null, record.archiveSha256],
    },
  }
  return { changes: [], audit: [entry], result: entry.id }
}
