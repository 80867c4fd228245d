// `trail import`'s load on SQLite: a dump's rows into an empty database, in one transaction on a connection of
// its own. Built for a million rows: each table's insert is prepared once (Drizzle builds it, better-sqlite3
// runs it), the secondary indexes and the search index are built once at the end, from the loaded rows, rather
// than kept up row by row. All of it, DDL included, is in the one transaction, so a failure leaves the
// database as it was, indexes and all.
import type { Placeholder } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { isSearchable, searchDocument } from '../../domains/search/documents.js'
import type { DumpRow } from '../contract.js'
import { missingReferences } from '../dump-errors.js'
import { registryEntries } from '../table-registry.js'
import type { SqliteDatabase } from './client.js'
import { serviceFault } from './errors.js'
import { SQLITE_TABLES } from './registry.js'
import { documentInserter, rebuildSearchIndex } from './search.js'
import { insertValues } from './store.js'

const ENTRIES = registryEntries(SQLITE_TABLES)

type Insert = (row: Record<string, unknown>) => void

/** One table's insert, prepared once: Drizzle's SQL, run by better-sqlite3 with the values in its order. */
function prepareInsert(sqlite: SqliteDatabase, table: SQLiteTable): Insert {
  const query = drizzle({ client: sqlite }).insert(table).values(insertValues(table)).toSQL()
  const names = (query.params as Placeholder[]).map((param) => param.name)
  const statement = sqlite.prepare(query.sql)
  const values: unknown[] = new Array(names.length)
  return (row) => {
    for (let at = 0; at < names.length; at++) values[at] = row[names[at] as string]
    statement.run(values)
  }
}

/** Inserts one dump row as given (ids, versions, times, `supersededBy`, audit `seq` and all) with its companions. */
function rowInserter(sqlite: SqliteDatabase): (entry: DumpRow) => void {
  const inserters = new Map(
    ENTRIES.map((entry) => {
      const insertRow = prepareInsert(sqlite, entry.table)
      const companion = entry.companion && {
        ...entry.companion,
        insert: prepareInsert(sqlite, entry.companion.table),
      }
      return [
        entry.name,
        (value: DumpRow['row']) => {
          insertRow(entry.toRow(value))
          if (companion) for (const other of companion.rows(value)) companion.insert(other)
        },
      ]
    }),
  )
  return ({ table, row }) => {
    const insertRow = inserters.get(table)
    if (insertRow === undefined) throw new Error(`Unknown table "${table}"`)
    insertRow(row)
  }
}

/**
 * The search documents of the loaded rows, one insert each; the index over them (FTS5, external content) is
 * built in one pass by `finish`, which is several times faster than indexing each document as it comes.
 */
function searchDocuments(sqlite: SqliteDatabase) {
  const insertDoc = documentInserter(sqlite)
  return {
    add(entry: DumpRow) {
      if (isSearchable(entry)) insertDoc(searchDocument(entry))
    },
    finish: () => rebuildSearchIndex(sqlite),
  }
}

/**
 * Drops the database's own indexes (not the primary keys', which catch a duplicate id at its row) and returns
 * what recreates them. SQLite builds an index from a table by sorting it, far faster than keeping it up
 * through a million inserts in no particular order of its columns; the recreated indexes are the very ones
 * dropped, read from the schema.
 */
function dropIndexes(sqlite: SqliteDatabase): () => void {
  const indexes = sqlite
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
    )
    .all()
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`)
  return () => {
    for (const { sql } of indexes) sqlite.exec(sql)
  }
}

/** A rejected row's error, naming the row; faults (busy, full disk, …) stay as they are, to become 503s. */
function rowError(entry: DumpRow, error: unknown): unknown {
  if (serviceFault(error) !== undefined) return error
  // better-sqlite3's own message ("UNIQUE constraint failed: tasks.id") says what is wrong with the row.
  const message = error instanceof Error ? error.message : String(error)
  return new Error(`Cannot load ${entry.table} row ${entry.row.id}: ${message}`, { cause: error })
}

/**
 * Loads `rows` on `writer`, inside the transaction the caller has begun (and commits or rolls back), after
 * `requireEmpty` has found no rows. Foreign keys must be off: they are checked once, at the end.
 */
export async function loadRows(writer: SqliteDatabase, rows: AsyncIterable<DumpRow>): Promise<void> {
  const recreateIndexes = dropIndexes(writer)
  const insert = rowInserter(writer)
  const search = searchDocuments(writer)
  // Awaiting the next row inside the transaction is safe here (unlike on the repositories' connection, where
  // another request's statements would join it) because no other code uses this connection. Rows are
  // inserted as they arrive, so memory stays flat however large the dump.
  for await (const entry of rows) {
    try {
      insert(entry)
      search.add(entry)
    } catch (error) {
      throw rowError(entry, error)
    }
  }
  recreateIndexes()
  search.finish()
  const violations = writer.pragma('foreign_key_check') as { table: string; parent: string }[]
  if (violations.length > 0) {
    const [first] = violations as [{ table: string; parent: string }]
    throw missingReferences(violations.length, first.table, first.parent)
  }
}
