// What the SQLite repositories share: the Drizzle handle, the write transaction (apply.ts runs every plan in
// it), the compare-and-set check, the reader the API's SELECTs run on and the pieces of keyset-paged, prepared
// list statements.
import type { RunResult } from 'better-sqlite3'
import {
  and,
  asc,
  Column,
  desc,
  eq,
  getTableColumns,
  is,
  noopDecoder,
  Placeholder,
  SQL,
  sql,
} from 'drizzle-orm'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { CreatedKey, Page, SortOrder } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import { staleOrGone } from '../../domains/audit/plan.js'
import { coalescedWrites, type Outcome } from '../coalesced-writes.js'
import type { SqliteDatabase } from './client.js'
import { toTrailFailure, withRetries } from './errors.js'
import { toEpochMsIfSet } from './rows.js'
import type { tasks } from './tables.js'

export interface Store {
  db: BetterSQLite3Database
  /** The connection under `db`, for the statements Drizzle cannot write (the FTS5 index's). */
  sqlite: SqliteDatabase
  /**
   * Runs `work` in one BEGIN IMMEDIATE transaction: all of it commits or none of it does. `work` must be
   * synchronous (better-sqlite3 commits when it returns), and taking the write lock up front means a busy
   * database fails at BEGIN, before `work` runs, rather than when a read turns into a write. While another
   * connection holds the lock, the whole transaction is tried again after a growing pause (a timer, so the
   * event loop serves reads meanwhile), until the lock-wait budget is spent: then SQLITE_BUSY, a 503.
   * Writes asked for in the same turn of the event loop share that transaction (group commit), each in a
   * savepoint of its own: one that fails is undone and fails alone, and each resolves once all are committed.
   */
  write<T>(work: () => T): Promise<T>
  /** `write` without waiting: fails with SQLITE_BUSY at once while another connection holds the lock. */
  writeNow<T>(work: () => T): T
}

/**
 * `lockWaitMs` is how long a write may wait for another connection's write lock in all. The connection's
 * own busy_timeout should be 0 (see repositories.ts): SQLite's busy handler sleeps on the calling thread,
 * which would stall every request of this process for as long as the other connection holds the lock.
 */
export function createStore(sqlite: SqliteDatabase, lockWaitMs: number): Store {
  const db = drizzle({ client: sqlite })
  // Inside another transaction, better-sqlite3 runs a transaction function in a savepoint.
  const runInTransaction = sqlite.transaction((work: () => unknown) => work())

  // One transaction function for every write (building it per call showed in profiles).
  const writeNow = <T>(work: () => T) => runInTransaction.immediate(work) as T

  /**
   * Group commit: a commit writes every page a transaction changed to the WAL, and the writes of one turn
   * change many of the same pages (the newest leaf of each index, the search index's new segment), so
   * sharing it took a task create from 450 to 350 µs of CPU in pairs and to 290 in fours.
   */
  const runTogether = sqlite.transaction((works: (() => unknown)[]): Outcome[] =>
    works.map((work) => {
      try {
        return { ok: true, value: runInTransaction(work) }
      } catch (error) {
        // SQLite ended the whole transaction (a full disk, an I/O error): none of the batch may commit.
        if (!sqlite.inTransaction) throw error
        return { ok: false, error }
      }
    }),
  )
  /** A lone write needs no savepoint: its transaction is its own. */
  const runAlone = (work: () => unknown): Outcome[] => [{ ok: true, value: writeNow(work) }]
  const writeInTurn = coalescedWrites((works: (() => unknown)[]) =>
    // The transaction was rolled back (or never began) when it fails, so running it again from the top is safe.
    withRetries(
      () => (works.length === 1 ? runAlone(works[0] as () => unknown) : runTogether.immediate(works)),
      lockWaitMs,
    ),
  )

  return {
    db,
    sqlite,
    write: async <T>(work: () => T) => {
      const outcome = await writeInTurn(work)
      if (!outcome.ok) throw toTrailFailure(outcome.error)
      return outcome.value as T
    },
    writeNow,
  }
}

/** A SELECT that Drizzle built, run on better-sqlite3's own prepared statement. */
export interface RowReader<Row> {
  all(values?: Readonly<Record<string, unknown>>): Row[]
  get(values?: Readonly<Record<string, unknown>>): Row | undefined
}

/** Column types whose driver value is the field's value as it is (no `mode` that parses or converts). */
const UNMAPPED_COLUMN_TYPES = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal'])

/** A selected column or SQL expression that Drizzle would hand over as the driver gave it. */
const readAsStored = (field: unknown) =>
  is(field, Column)
    ? UNMAPPED_COLUMN_TYPES.has(field.columnType)
    : // An expression's decoder (set by `mapWith`) is internal to Drizzle; unset, it is the shared no-op.
      is(field, SQL) && (field as unknown as { decoder: unknown }).decoder === noopDecoder

/**
 * Prepares `query`, which selects `fields`, on the connection itself, and keys each row (an array in select
 * order) by field name. Drizzle's prepared statement does the same work through its column mapping and an
 * `is()` check per placeholder on every run: a tenth of the server's time on GET /tasks/:id, and 30 µs of a
 * page of audit entries. That mapping is only needed by a column whose `mode` converts its value, or an
 * expression given `mapWith`, which this refuses, so the rows are the ones Drizzle would give.
 */
export function rowReader<Row>(
  sqlite: SqliteDatabase,
  fields: Record<string, unknown>,
  query: { toSQL(): { sql: string; params: unknown[] } },
): RowReader<Row> {
  const names = Object.keys(fields)
  for (const name of names)
    if (!readAsStored(fields[name]))
      throw new Error(`rowReader: ${name} is not read as it is stored; prepare it with Drizzle`)
  const { sql: text, params } = query.toSQL()
  const statement = sqlite.prepare(text).raw()
  // Each parameter is a constant Drizzle inlined or a placeholder filled from the values on each run.
  const placeholderNames = params.map((param) => (is(param, Placeholder) ? param.name : undefined))
  const bind = (values: Readonly<Record<string, unknown>>) =>
    params.map((param, i) => {
      const name = placeholderNames[i]
      return name === undefined ? param : values[name]
    })
  const toRow = (row: unknown[]) => {
    const keyed: Record<string, unknown> = {}
    for (let i = 0; i < names.length; i++) keyed[names[i] as string] = row[i]
    return keyed as Row
  }
  return {
    all: (values = {}) => (statement.all(bind(values)) as unknown[][]).map(toRow),
    get(values = {}) {
      const row = statement.get(bind(values)) as unknown[] | undefined
      return row === undefined ? undefined : toRow(row)
    },
  }
}

/** `VALUES` for a prepared insert of a whole row: one placeholder per column, named after its field. */
export function insertValues<T extends SQLiteTable>(table: T): { [K in keyof T['$inferInsert']]: SQL } {
  const names = Object.keys(getTableColumns(table))
  return Object.fromEntries(names.map((name) => [name, sql`${sql.placeholder(name)}`])) as {
    [K in keyof T['$inferInsert']]: SQL
  }
}

/** `SET` for a prepared update of a whole row but its id (rewriting a key would re-check foreign keys). */
export function updateValues<T extends SQLiteTable>(table: T): { [K in keyof T['$inferInsert']]?: SQL } {
  const { id: _id, ...values } = insertValues(table) as Record<string, SQL>
  return values as { [K in keyof T['$inferInsert']]?: SQL }
}

interface Keyed {
  id: SQLiteColumn
}
interface Versioned extends Keyed {
  version: SQLiteColumn
}
interface CreatedOrdered extends Keyed {
  createdAt: SQLiteColumn
}

export const byId = (table: Keyed) => eq(table.id, sql.placeholder('id'))

/** The compare-and-set condition: the row with this id, still at the version the change was computed from. */
export const byIdAndVersion = (table: Versioned) =>
  and(byId(table), eq(table.version, sql.placeholder('expectedVersion'))) as SQL

/**
 * Checks that a compare-and-set statement changed its row. It always does inside the immediate transaction
 * that read the row; the check keeps a lost race from passing silently should that ever change.
 */
export function expectChanged(
  result: RunResult,
  what: string,
  id: string,
  current: () => { version: number } | undefined,
): void {
  if (result.changes !== 1) throw staleOrGone(what, id, current())
}

/**
 * `LIMIT` from the statement's `limit` parameter, written `+?`. SQLite plans with the value bound to a bare
 * `LIMIT ?` (sqlite3ExprIsInteger), so binding it, which better-sqlite3 does on every run, marks the statement
 * to be prepared again: the first page of 50 status updates took 200 µs of server CPU with `LIMIT ?` and 174
 * with `LIMIT +?`. The unary plus makes the limit an expression the planner does not read, so each statement
 * is planned once, with the limit unknown, as test/plans checks it.
 */
export const limitParameter = () =>
  // Drizzle's `limit` takes any SQL at run time; its type names only a number or a placeholder.
  sql`+${sql.placeholder('limit')}` as unknown as Placeholder

/** Order of the lists paged on creation: time, then id to break ties. */
export const createdOrder = (table: CreatedOrdered, order: SortOrder) =>
  order === 'desc' ? [desc(table.createdAt), desc(table.id)] : [asc(table.createdAt), asc(table.id)]

/** Rows strictly after the keyset position `afterCreatedAt`/`afterId` in `createdOrder`. */
export const createdAfter = (table: CreatedOrdered, order: SortOrder) =>
  order === 'desc'
    ? sql`(${table.createdAt}, ${table.id}) < (${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`
    : sql`(${table.createdAt}, ${table.id}) > (${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`

/** Values for the `createdAfter` placeholders; both undefined on the first page. */
export const createdAfterParams = (after: CreatedKey | undefined) => ({
  afterCreatedAt: toEpochMsIfSet(after?.createdAt),
  afterId: after?.id,
})

export const createdPage = <T extends CreatedKey>(rows: T[], limit: number): Page<T, CreatedKey> =>
  toPage(rows, limit, (row) => ({ createdAt: row.createdAt, id: row.id }))

/**
 * Prepared list statements, one per combination of the optional conditions a request sets, each made on first
 * use. A statement filters on exactly what is set, so SQLite plans it with the index that fits, and every
 * list (including the hot first pages) runs without re-parsing SQL. `conditions` maps a parameter name to
 * the condition it turns on; the statement reads that parameter as a placeholder of the same name.
 */
export function listStatements<Statement>(
  conditions: Record<string, (value: Placeholder) => SQL>,
  prepare: (where: SQL | undefined) => Statement,
): (params: Record<string, unknown>) => Statement {
  const statements = new Map<string, Statement>()
  return (params) => {
    const set = Object.keys(conditions).filter((name) => params[name] !== undefined)
    const shape = set.join()
    let statement = statements.get(shape)
    if (statement === undefined) {
      statement = prepare(and(...set.map((name) => conditions[name]?.(sql.placeholder(name)))))
      statements.set(shape, statement)
    }
    return statement
  }
}

/**
 * The newest-first list of a table paged on creation (tasks, bugs, status updates): `listStatements` over
 * `SELECT * … WHERE <conditions set> ORDER BY created_at DESC, id DESC LIMIT :limit`, keyset included.
 */
export function newestFirstList<T extends SQLiteTable & CreatedOrdered>(
  { db, sqlite }: Store,
  table: T,
  conditions: Record<string, (value: Placeholder) => SQL>,
): (params: Record<string, unknown>) => RowReader<T['$inferSelect']> {
  const columns = getTableColumns(table)
  return listStatements({ ...conditions, afterId: () => createdAfter(table, 'desc') }, (where) =>
    rowReader(
      sqlite,
      columns,
      db
        // Drizzle's select types do not follow a table type parameter; the rows are T's all the same.
        .select(columns as typeof tasks._.columns)
        .from(table as SQLiteTable as typeof tasks)
        .where(where)
        .orderBy(...createdOrder(table, 'desc'))
        .limit(limitParameter()),
    ),
  )
}
