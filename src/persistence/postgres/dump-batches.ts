// A dump load's rows and batches, as the PostgreSQL load makes and writes them (dump.ts with INSERTs,
// copy.ts with COPY).
import type { PgTable } from 'drizzle-orm/pg-core'
import { isSearchable, searchDocument } from '../../domains/search/documents.js'
import type { DumpRow } from '../contract.js'
import type { AnyTableEntry } from '../table-registry.js'
import type { PostgresDatabase } from './database.js'
import { documentValues } from './search.js'

export type Entry = AnyTableEntry<PgTable>

/**
 * One row of a dump as a row of its table, rows of its companion's, and its search document if it is
 * searchable (the search index is not in a dump: the documents of searchable rows are written with them). A
 * forward reference (a note superseded by a later one, not written yet) is left empty and set by
 * `linkForwardReferences` at the end.
 */
export function rowParts(entry: Entry, value: DumpRow['row']) {
  const { forwardReference, companion } = entry
  const searchable = { table: entry.name, row: value }
  return {
    row:
      forwardReference === undefined
        ? entry.toRow(value)
        : { ...entry.toRow(value), [forwardReference]: null },
    companionRows: companion === undefined ? [] : companion.rows(value),
    document: isSearchable(searchable) ? documentValues(searchDocument(searchable)) : undefined,
  }
}

/**
 * How a load writes its batches (multi-row INSERTs on any driver, or COPY on node-postgres: copy.ts). A batch
 * is made a row at a time, as the rows are read, and holds rows of one table.
 */
export interface BatchWriter {
  batchSize: number
  /** Adds a row of `entry`'s table to the batch being made. */
  add(entry: Entry, value: DumpRow['row']): void
  /** Ends the batch being made and answers how to write it. */
  take(): (tx: PostgresDatabase) => Promise<void>
  /**
   * One step of the work the writer has put off, run while the server would otherwise wait for the next batch
   * and after the last until none is left; answers whether there was any.
   */
  spare?(tx: PostgresDatabase): Promise<boolean>
}
