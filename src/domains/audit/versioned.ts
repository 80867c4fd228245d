// The plans every versioned entity (tasks, bugs) makes the same way: its table, its audit entity and its noun
// (for errors) are named once, in its plans.ts, and each write below is spelled once for all of them.
import { auditEntry } from './entries.js'
import { completeHistory, restorePoint } from './history.js'
import { type ChangePlan, created, expectLiveOrDeleted, expectVersion, type RowChange } from './plan.js'
import type { AuditEntity, AuditEntry } from './schemas.js'

type VersionedRow = { id: string; version: number; createdAt: string; updatedAt: string }

/** What a restore read: the row under `id` (if live) and its audit entries. */
export interface RestoreRead<Row> {
  id: string
  row: Row | undefined
  history: readonly AuditEntry[]
}

export function versionedEntity<Table extends string, Row extends VersionedRow>(
  table: Table,
  entity: AuditEntity,
  noun: string,
) {
  type Plan<Result> = ChangePlan<RowChange<Table, Row>, Result>
  return {
    /** The row a change may apply to; 404 when it is gone, 409 when it moved on (see expectVersion). */
    expectVersion: (row: Row | undefined, id: string, expectedVersion: number): Row =>
      expectVersion(row, noun, id, expectedVersion),

    /**
     * Where a restore of version `n` starts: `live`, the row under If-Match (none for an undelete, which needs
     * the row deleted); `base`, the state it builds on (the live row, else the last state); `target`, version
     * n's state. 404/409/410/422 as expectLiveOrDeleted, completeHistory and restorePoint say.
     */
    restorePoint({ id, row, history }: RestoreRead<Row>, n: number, expectedVersion: number | undefined) {
      const live = expectLiveOrDeleted(row, noun, id, expectedVersion)
      const steps = completeHistory<Row>(history, live !== undefined, noun, id)
      return { live, ...restorePoint(steps, live, n, noun, id) }
    },

    /** A new row: its insert and its `create` entry. */
    created: (row: Row, actor: string): Plan<Row> => created(table, entity, row, actor),

    /** `next` replacing `before`, compare-and-set on the version it was computed from, and its `update` entry. */
    replaced: (before: Row, next: Row, actor: string): Plan<Row> => ({
      changes: [{ table, op: 'update', before, row: next, expectedVersion: before.version }],
      audit: [auditEntry(entity, 'update', actor, next.updatedAt, before, next)],
      result: next,
    }),

    /** The row deleted, compare-and-set on `expectedVersion`, and its `delete` entry at `now`. */
    deleted: (row: Row, expectedVersion: number, actor: string, now: string): Plan<void> => ({
      changes: [{ table, op: 'delete', before: row, expectedVersion }],
      audit: [auditEntry(entity, 'delete', actor, now, row, null)],
      result: undefined,
    }),

    /** A deleted row back as `row` (its next version): the insert and its `restore` entry at `now`. */
    undeleted: (row: Row, actor: string, now: string): Plan<Row> => ({
      changes: [{ table, op: 'insert', row }],
      audit: [auditEntry(entity, 'restore', actor, now, null, row)],
      result: row,
    }),
  }
}
