// The SQLite write: one immediate transaction that reads the audit tail, lets the mutation decide its plan
// (reads and plan are synchronous: no `await` inside the transaction), writes the plan's rows in order, each
// update and delete compare-and-set on its expected version, keeps the search index in step with them
// (../search-index.ts), and appends its entries after the tail.
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { type AuditTail, type Clock, sequence, tailAfter, writeTime } from '../../domains/audit/entries.js'
import type { RowChange } from '../../domains/audit/plan.js'
import type { DumpRow } from '../contract.js'
import { indexChanges } from '../search-index.js'
import { type AnyTableEntry, type Companion, registryEntries } from '../table-registry.js'
import { decidedNow, ENTITY_NAMES, type EntityChange, type Plan, type Transact } from '../writes.js'
import { prepareNewestEntry } from './chain.js'
import type { SqliteReads } from './reads.js'
import { SQLITE_TABLES } from './registry.js'
import { auditEntryToRow } from './rows.js'
import { searchIndexWriter } from './search.js'
import { byId, byIdAndVersion, expectChanged, insertValues, type Store, updateValues } from './store.js'
import { auditEntries, type bugs, type taskAssignees } from './tables.js'

type Row = { id: string }
type Change = RowChange<EntityChange['table'], Row>

/**
 * Statements for one table's companion rows (a task's assignees): inserted with the row, and replaced, only
 * when they changed, with an update.
 */
function companionWriter(db: BetterSQLite3Database, companion: Companion<SQLiteTable, Row>) {
  // Drizzle's statement types do not follow a table parameter; these statements use no column by name.
  const table = companion.table as typeof taskAssignees
  const owner = getTableColumns(companion.table)[companion.owner] as SQLiteColumn
  const insert = db.insert(table).values(insertValues(table)).prepare()
  const removeAll = db
    .delete(table)
    .where(eq(owner, sql.placeholder('owner')))
    .prepare()
  const insertAll = (row: Row) => {
    for (const companionRow of companion.rows(row)) insert.run(companionRow)
  }
  return {
    insert: insertAll,
    update(before: Row, row: Row) {
      if (JSON.stringify(companion.rows(row)) === JSON.stringify(companion.rows(before))) return
      removeAll.run({ owner: row.id })
      insertAll(row)
    },
  }
}

/** Writes one table's row changes, each update and delete compare-and-set on its expected version. */
function rowWriter(db: BetterSQLite3Database, entry: AnyTableEntry<SQLiteTable>) {
  // Drizzle's statement types do not follow a table parameter; `versioned` picks the condition that fits.
  const anyTable = entry.table as typeof bugs
  const versioned = 'version' in getTableColumns(entry.table)
  const which = versioned ? byIdAndVersion(anyTable) : byId(anyTable)
  const insert = db.insert(anyTable).values(insertValues(anyTable)).prepare()
  const update = db.update(anyTable).set(updateValues(anyTable)).where(which).prepare()
  const remove = db.delete(anyTable).where(which).prepare()
  const current = versioned
    ? db.select({ version: anyTable.version }).from(anyTable).where(byId(anyTable)).prepare()
    : undefined
  const companion = entry.companion && companionWriter(db, entry.companion)
  const toRow = (row: Row) => entry.toRow(row as DumpRow['row'])
  return (change: Change) => {
    const id = change.op === 'insert' ? change.row.id : change.before.id
    const { expectedVersion } = change as { expectedVersion?: number }
    const lost = () => current?.get({ id })
    if (change.op === 'insert') {
      insert.run(toRow(change.row))
      companion?.insert(change.row)
    } else if (change.op === 'update') {
      expectChanged(
        update.run({ ...toRow(change.row), expectedVersion }),
        ENTITY_NAMES[change.table],
        id,
        lost,
      )
      companion?.update(change.before, change.row)
    } else {
      expectChanged(remove.run({ id, expectedVersion }), ENTITY_NAMES[change.table], id, lost)
    }
  }
}

/** A writer for each table a plan may change, built from the registry. */
function createRowWriters(db: BetterSQLite3Database) {
  const writers = new Map(
    registryEntries(SQLITE_TABLES)
      .filter((entry) => entry.name in ENTITY_NAMES)
      .map((entry) => [entry.name, rowWriter(db, entry)]),
  )
  return (change: EntityChange) => (writers.get(change.table) as (change: Change) => void)(change)
}

export interface SqliteWriter {
  transact: Transact
  /** The time a write outside `transact` (a token's) records: the clock, never before the newest entry. */
  now(): string
}

/** `reads`: what the mutations read, inside the transaction. */
export function createSqliteWriter(store: Store, reads: SqliteReads, clock: Clock): SqliteWriter {
  const { db } = store
  const newestEntry = prepareNewestEntry(store)
  const insertAuditEntry = db.insert(auditEntries).values(insertValues(auditEntries)).prepare()
  const writeRow = createRowWriters(db)
  const writeIndex = searchIndexWriter(store.sqlite)

  const auditTail = (): AuditTail => tailAfter(newestEntry.get())

  function apply(plan: Plan<unknown>, tail: AuditTail) {
    for (const change of plan.changes) writeRow(change)
    for (const change of indexChanges(plan.changes)) writeIndex(change)
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
