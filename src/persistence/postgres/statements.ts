// Statements of a fixed shape that Drizzle builds once and PostgreSQL parses and plans once per connection,
// also inside a write's transaction. Drizzle's own `.prepare(name)` binds the statement to the session that
// prepared it (the pool), while a transaction runs on a connection of its own; preparing it again per
// transaction would build its SQL per request again. So the SQL text and result fields Drizzle built once are
// handed to whichever session runs them, under the same name: node-postgres sends a named statement's Parse
// only the first time a connection sees that name.
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import {
  PgDialect,
  type PgPreparedQuery,
  type PgTable,
  type PreparedQueryConfig,
  type SelectedFieldsOrdered,
} from 'drizzle-orm/pg-core'
import type { PostgresDatabase } from './database.js'
import type { auditEntries } from './tables.js'

type Prepared<Result> = PgPreparedQuery<PreparedQueryConfig & { execute: Result }>

/** A statement built once: run it on the pool or on a transaction with the values of its placeholders. */
export type Statement<Result> = (db: PostgresDatabase, values?: Record<string, unknown>) => Promise<Result>

/**
 * `query` is built on the database it runs on (with `sql.placeholder(…)` for every value that changes); `name` is unique
 * among trail's statements (prefix `trail_`).
 */
export function fixedStatement<Result>(
  name: string,
  query: { prepare(name: string): Prepared<Result> },
): Statement<Result> {
  const built = query.prepare(name)
  // Both drivers' prepared queries (node-postgres, PGlite) keep the ordered result fields they map rows with.
  const { fields, joinsNotNullableMap } = built as unknown as {
    fields: SelectedFieldsOrdered | undefined
    joinsNotNullableMap: Record<string, boolean> | undefined
  }
  return toStatement(built.getQuery(), fields, name, joinsNotNullableMap)
}

const dialect = new PgDialect()

/** Plain SQL (a function call, no rows to map) as a named statement. */
export const sqlStatement = (name: string, query: SQL): Statement<unknown> =>
  toStatement(dialect.sqlToQuery(query), undefined, name, undefined)

function toStatement<Result>(
  query: ReturnType<PgDialect['sqlToQuery']>,
  fields: SelectedFieldsOrdered | undefined,
  name: string,
  joinsNotNullableMap: Record<string, boolean> | undefined,
): Statement<Result> {
  return (session, values) => {
    const statement = session._.session.prepareQuery(query, fields, name, true) as Prepared<Result>
    if (joinsNotNullableMap !== undefined)
      (statement as unknown as { joinsNotNullableMap: unknown }).joinsNotNullableMap = joinsNotNullableMap
    return statement.execute(values)
  }
}

type Values = Record<string, unknown>

/** Row counts an insert keeps a statement for; a larger batch (rare: a cascade's audit entries) is built per call. */
const MOST_ROWS_PREPARED = 8

/**
 * Inserts rows into `table` through one statement per row count, built the first time that count is seen. A row
 * that leaves a column out (to take its default) is inserted by a statement built for it, as Drizzle would.
 */
export function rowInserter(db: PostgresDatabase, table: PgTable, name: string) {
  // Drizzle's statement types do not follow a table known only as PgTable.
  const anyTable = table as PgTable as typeof auditEntries
  const columns = Object.keys(getTableColumns(table))
  const byCount = new Map<number, Statement<unknown>>()
  const statementFor = (count: number) => {
    let statement = byCount.get(count)
    if (statement === undefined) {
      const rows = Array.from({ length: count }, (_, index) =>
        Object.fromEntries(columns.map((column) => [column, sql.placeholder(`${column}_${index}`)])),
      )
      statement = fixedStatement(`${name}_${count}`, db.insert(anyTable).values(rows as never))
      byCount.set(count, statement)
    }
    return statement
  }
  return async (tx: PostgresDatabase, rows: Values[]): Promise<void> => {
    if (
      rows.length > MOST_ROWS_PREPARED ||
      rows.some((row) => columns.some((column) => row[column] === undefined))
    ) {
      await tx.insert(anyTable).values(rows as never)
      return
    }
    const values: Values = {}
    rows.forEach((row, index) => {
      for (const column of columns) values[`${column}_${index}`] = row[column]
    })
    await statementFor(rows.length)(tx, values)
  }
}
