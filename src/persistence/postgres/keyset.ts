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

/**
 * Rows strictly after the page key in (created_at, id) order, the key given as the placeholders `afterCreatedAt`
 * and `afterId` (values from `afterValues`), so a list's statement is built once for every page after the first.
 */
export function afterCreated(columns: CreatedColumns, order: Order) {
  const position = sql`(${columns.createdAt}, ${columns.id})`
  const key = sql`(${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`
  return order === 'desc' ? sql`${position} < ${key}` : sql`${position} > ${key}`
}

/** The placeholders' values for `afterCreated`; none for the first page. */
export const afterValues = (after: CreatedKey | undefined) =>
  after === undefined ? {} : { afterCreatedAt: toEpochMs(after.createdAt), afterId: after.id }

export const createdOrder = (columns: CreatedColumns, order: Order) =>
  order === 'desc' ? [desc(columns.createdAt), desc(columns.id)] : [asc(columns.createdAt), asc(columns.id)]

export const createdKey = (row: CreatedKey): CreatedKey => ({ createdAt: row.createdAt, id: row.id })
