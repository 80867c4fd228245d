// Errors a load raises the same way on every backend, so `trail import` reads the same whichever is behind it.
import type { DumpTable } from './contract.js'

/** A load refused because the target already has rows: `filled` names the tables that have some. */
export const targetNotEmpty = (filled: readonly DumpTable[]) =>
  new Error(
    `the target database is not empty (${filled.join(', ')} have rows): import only into a new database`,
  )
