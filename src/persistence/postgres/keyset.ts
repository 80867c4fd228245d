// Keyset paging on (created_at, id): the order every list and the dump read in, served by the
// `<table>_created_idx` indexes.
import { asc, desc, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { CreatedKey } from '../../core/paging.js'
import { toEpochMs } from './rows.js'

export type Order = 'asc' | 'desc'

export interface CreatedColumns {
  createdAt: PgColumn
  id: PgColumn
}

/** Rows strictly after `after` in (created_at, id) order; no condition for the first page. */
export function afterCreated(columns: CreatedColumns, after: CreatedKey | undefined, order: Order) {
  if (after === undefined) return undefined
  const position = sql`(${columns.createdAt}, ${columns.id})`
  const key = sql`(${toEpochMs(after.createdAt)}, ${after.id})`
  return order === 'desc' ? sql`${position} < ${key}` : sql`${position} > ${key}`
}

export const createdOrder = (columns: CreatedColumns, order: Order) =>
  order === 'desc' ? [desc(columns.createdAt), desc(columns.id)] : [asc(columns.createdAt), asc(columns.id)]

export const createdKey = (row: CreatedKey): CreatedKey => ({ createdAt: row.createdAt, id: row.id })
