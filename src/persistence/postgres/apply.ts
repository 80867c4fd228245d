// The PostgreSQL write: one transaction that takes the audit trail's append lock, lets the mutation read (with
// its row locks) and decide its plan, writes the plan's rows in order, each update and delete compare-and-set on
// its expected version, and appends its entries after the tail. Run again on a serialization failure or a
// deadlock; an unreachable database is a 503 (errors.ts).
import { and, desc, eq, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { type AuditTail, type Clock, sequence, writeTime } from '../../domains/audit/entries.js'
import type { RowChange } from '../../domains/audit/plan.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { type EntityChange, lostRace, type Plan, type Transact } from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { AUDIT_CHANNEL } from './notifier.js'
import { createPostgresReads } from './reads.js'
import { auditEntryToRow, bugToRow, designNoteToRow, statusUpdateToRow, taskToRow } from './rows.js'
import { auditEntries, bugs, designNotes, statusUpdates, taskAssignees, tasks } from './tables.js'
import { insertAssignees } from './tasks.js'

/**
 * Takes the audit trail's append lock and reads the trail's tail under it. The transaction-scoped advisory
 * lock is held until commit, so concurrent writers (across instances too) take seqs one after another, in
 * commit order, and a rolled-back writer leaves no gap. The write time is taken once the lock is held (see
 * writeTime), so `at` never goes backwards along `seq`, and the write stamps its rows with the same time, so an
 * entity's timestamps equal its audit entries' `at`. Every audited write takes it first, before any row lock,
 * so writers cannot deadlock on it.
 */
async function lockAuditTrail(tx: PostgresDatabase): Promise<AuditTail> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  // A statement of its own: in READ COMMITTED it sees every writer that committed before the lock was granted.
  const [last] = await tx
    .select({ seq: auditEntries.seq, at: auditEntries.at })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
  return { lastSeq: last?.seq ?? 0, lastAt: last?.at }
}

type Row = { id: string }
type Values = Record<string, unknown>
type Change = RowChange<EntityChange['table'], Row>

/** Every column but the id: an update never rewrites a key. */
const withoutKey = ({ id: _, ...values }: Values): Values => values

/** A task's columns: its assignees live in task_assignees. */
const taskColumnValues = (task: Task): Values => {
  const { assignees: _, ...values } = taskToRow(task)
  return values
}

/** Writes one table's row changes; `after` adds what the table keeps elsewhere (a task's assignees). */
function rowWriter<R extends Row>(
  table: PgTable & { id: PgColumn; version?: PgColumn },
  toRow: (row: R) => Values,
  after: {
    insert?(tx: PostgresDatabase, row: R): Promise<void>
    update?(tx: PostgresDatabase, before: R, row: R): Promise<void>
  } = {},
) {
  const { version } = table
  /** The row by id, and at the expected version when the change carries one. */
  const which = (id: string, expectedVersion: number | undefined) =>
    and(
      eq(table.id, id),
      expectedVersion === undefined || version === undefined ? undefined : eq(version, expectedVersion),
    )
  const current = async (tx: PostgresDatabase, id: string) => {
    if (version === undefined) return undefined
    const [row] = await tx.select({ version }).from(table).where(eq(table.id, id))
    return row as { version: number } | undefined
  }
  return async (tx: PostgresDatabase, change: RowChange<EntityChange['table'], R>) => {
    if (change.op === 'insert') {
      await tx.insert(table).values(toRow(change.row))
      await after.insert?.(tx, change.row)
      return
    }
    const { id } = change.before
    const condition = which(id, change.expectedVersion)
    // Of writers holding one version the first wins; the others wait for its row lock, then match no row.
    const written =
      change.op === 'update'
        ? await tx
            .update(table)
            .set(withoutKey(toRow(change.row)))
            .where(condition)
            .returning({ id: table.id })
        : await tx.delete(table).where(condition).returning({ id: table.id })
    if (written.length !== 1) throw lostRace(change.table, id, await current(tx, id))
    if (change.op === 'update') await after.update?.(tx, change.before, change.row)
  }
}

const writers = {
  tasks: rowWriter<Task>(tasks, taskColumnValues, {
    insert: (tx, task) => insertAssignees(tx, [task]),
    async update(tx, before, task) {
      if (JSON.stringify(task.assignees) === JSON.stringify(before.assignees)) return
      await tx.delete(taskAssignees).where(eq(taskAssignees.taskId, task.id))
      await insertAssignees(tx, [task])
    },
  }),
  bugs: rowWriter(bugs, bugToRow),
  status_updates: rowWriter(statusUpdates, statusUpdateToRow),
  design_notes: rowWriter(designNotes, designNoteToRow),
}

async function apply(tx: PostgresDatabase, plan: Plan<unknown>, tail: AuditTail) {
  for (const change of plan.changes) {
    await (writers[change.table] as (tx: PostgresDatabase, change: Change) => Promise<void>)(tx, change)
  }
  if (plan.audit.length === 0) return
  await tx.insert(auditEntries).values(sequence(plan.audit, tail).map(auditEntryToRow))
  // Delivered to the other instances' change feeds only if, and when, this transaction commits.
  await tx.execute(sql`select pg_notify(${AUDIT_CHANNEL}, '')`)
}

export function createPostgresTransact(db: PostgresDatabase, clock: Clock): Transact {
  return (decide) =>
    withRetries(() =>
      db.transaction(async (tx) => {
        const tail = await lockAuditTrail(tx)
        const plan = await decide(createPostgresReads(tx), writeTime(clock, tail))
        await apply(tx, plan, tail)
        return plan.result
      }),
    )
}
