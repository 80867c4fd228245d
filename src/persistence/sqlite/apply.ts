// The SQLite write: one immediate transaction that reads the audit tail, lets the mutation decide its plan
// (reads and plan are synchronous: no `await` inside the transaction), writes the plan's rows in order, each
// update and delete compare-and-set on its expected version, and appends its entries after the tail.
import { desc, getTableColumns } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { type AuditTail, type Clock, sequence, tailAfter, writeTime } from '../../domains/audit/entries.js'
import type { RowChange } from '../../domains/audit/plan.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { decidedNow, ENTITY_NAMES, type EntityChange, type Plan, type Transact } from '../writes.js'
import type { SqliteReads } from './reads.js'
import { auditEntryToRow, bugToRow, designNoteToRow, statusUpdateToRow, taskToRow } from './rows.js'
import { byId, byIdAndVersion, expectChanged, insertValues, type Store, updateValues } from './store.js'
import { auditEntries, bugs, designNotes, statusUpdates, tasks } from './tables.js'
import { assigneeWriter } from './tasks.js'

type Params = Record<string, unknown>

/** Writes one table's row changes; `after` adds what the table keeps elsewhere (a task's assignees). */
function rowWriter<Row extends { id: string }>(
  db: BetterSQLite3Database,
  table: SQLiteTable,
  toRow: (row: Row) => Params,
  after: { insert?(row: Row): void; update?(before: Row, row: Row): void } = {},
) {
  // Drizzle's statement types do not follow a table parameter; `versioned` picks the condition that fits.
  const anyTable = table as typeof bugs
  const versioned = 'version' in getTableColumns(table)
  const which = versioned ? byIdAndVersion(anyTable) : byId(anyTable)
  const insert = db.insert(anyTable).values(insertValues(anyTable)).prepare()
  const update = db.update(anyTable).set(updateValues(anyTable)).where(which).prepare()
  const remove = db.delete(anyTable).where(which).prepare()
  const current = versioned
    ? db.select({ version: anyTable.version }).from(anyTable).where(byId(anyTable)).prepare()
    : undefined
  return (change: RowChange<EntityChange['table'], Row>) => {
    const id = change.op === 'insert' ? change.row.id : change.before.id
    const { expectedVersion } = change as { expectedVersion?: number }
    const lost = () => current?.get({ id })
    if (change.op === 'insert') {
      insert.run(toRow(change.row))
      after.insert?.(change.row)
    } else if (change.op === 'update') {
      expectChanged(
        update.run({ ...toRow(change.row), expectedVersion }),
        ENTITY_NAMES[change.table],
        id,
        lost,
      )
      after.update?.(change.before, change.row)
    } else {
      expectChanged(remove.run({ id, expectedVersion }), ENTITY_NAMES[change.table], id, lost)
    }
  }
}

function createRowWriters(db: BetterSQLite3Database) {
  const assignees = assigneeWriter(db)
  const writers = {
    // A task's task_assignees rows go with it (ON DELETE CASCADE); they are rewritten only when they changed.
    tasks: rowWriter<Task>(db, tasks, taskToRow, {
      insert: assignees.insert,
      update(before, row) {
        if (JSON.stringify(row.assignees) !== JSON.stringify(before.assignees)) assignees.replace(row)
      },
    }),
    bugs: rowWriter(db, bugs, bugToRow),
    status_updates: rowWriter(db, statusUpdates, statusUpdateToRow),
    design_notes: rowWriter(db, designNotes, designNoteToRow),
  }
  return (change: EntityChange) =>
    (writers[change.table] as (change: RowChange<EntityChange['table'], { id: string }>) => void)(change)
}

export interface SqliteWriter {
  transact: Transact
  /** The time a write outside `transact` (a token's) records: the clock, never before the newest entry. */
  now(): string
}

/** `reads`: what the mutations read, inside the transaction. */
export function createSqliteWriter(store: Store, reads: SqliteReads, clock: Clock): SqliteWriter {
  const { db } = store
  const newestEntry = db
    .select({ seq: auditEntries.seq, at: auditEntries.at, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
    .prepare()
  const insertAuditEntry = db.insert(auditEntries).values(insertValues(auditEntries)).prepare()
  const writeRow = createRowWriters(db)

  const auditTail = (): AuditTail => tailAfter(newestEntry.get())

  function apply(plan: Plan<unknown>, tail: AuditTail) {
    for (const change of plan.changes) writeRow(change)
    for (const entry of sequence(plan.audit, tail)) insertAuditEntry.run(auditEntryToRow(entry))
  }

  return {
    transact: (decide) =>
      store.write(() => {
        // Read inside the write's lock, so the tail is the trail's end until this transaction commits.
        const tail = auditTail()
        const plan = decidedNow(decide(reads, writeTime(clock, tail)))
        apply(plan, tail)
        return plan.result
      }),
    now: () => writeTime(clock, auditTail()),
  }
}
