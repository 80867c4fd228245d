// Errors a load raises the same way on every backend, so `trail import` reads the same whichever is behind it.
import { DUMP_TABLES, type DumpTable } from './contract.js'

/** A load refused because the target already has rows: `filled` names the tables that have some. */
export const targetNotEmpty = (filled: readonly DumpTable[]) =>
  new Error(
    `the target database is not empty (${filled.join(', ')} have rows): import only into a new database`,
  )

/** Throws `targetNotEmpty` unless every table has no rows; `rows` need only tell none (0) from some. */
export function requireEmptyTarget(rows: Record<DumpTable, number>): void {
  const filled = DUMP_TABLES.filter((table) => rows[table] > 0)
  if (filled.length > 0) throw targetNotEmpty(filled)
}

/** A load refused because rows point at rows it does not hold; `table` and `parent` name the first such row. */
export const missingReferences = (count: number, table: string, parent: string) =>
  new Error(
    `The rows leave ${count} reference(s) to missing rows (the first: a ${table} row pointing into ${parent}); ` +
      'nothing was loaded',
  )
