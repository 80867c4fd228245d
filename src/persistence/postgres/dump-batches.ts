// One batch of a dump load, as the PostgreSQL load writes it (dump.ts with INSERTs, copy.ts with COPY).
import type { PgTable } from 'drizzle-orm/pg-core'
import { isSearchable, searchDocument } from '../../domains/search/documents.js'
import type { DumpRow } from '../contract.js'
import type { AnyTableEntry } from '../table-registry.js'
import type { PostgresDatabase } from './database.js'
import { documentValues } from './search.js'

export type Entry = AnyTableEntry<PgTable>

/**
 * One batch of rows of one table as rows of its table, of its companion's, and search documents (the search
 * index is not in a dump: the documents of searchable rows are written with them). A forward reference (a note
 * superseded by a later one, not written yet) is left empty and set by `linkForwardReferences` at the end.
 */
export function batchRows(entry: Entry, values: DumpRow['row'][]) {
  const { forwardReference, companion } = entry
  return {
    rows: values.map((value) =>
      forwardReference === undefined
        ? entry.toRow(value)
        : { ...entry.toRow(value), [forwardReference]: null },
    ),
    documents: values
      .map((row) => ({ table: entry.name, row }))
      .filter(isSearchable)
      .map((searchable) => documentValues(searchDocument(searchable))),
    companions: companion === undefined ? [] : values.flatMap(companion.rows),
  }
}

/** How a load writes its batches: multi-row INSERTs on any driver, or COPY on node-postgres (copy.ts). */
export interface BatchWriter {
  batchSize: number
  write(tx: PostgresDatabase, entry: Entry, values: DumpRow['row'][]): Promise<void>
  /**
   * One step of the work the writer has put off, run while the server would otherwise wait for the next batch
   * and after the last until none is left; answers whether there was any.
   */
  spare?(tx: PostgresDatabase): Promise<boolean>
}
