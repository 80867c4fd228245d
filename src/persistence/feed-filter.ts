import { type Column, inArray, type SQL } from 'drizzle-orm'
import type { FeedFilter } from './contract.js'

/** A change feed's filter as conditions on the audit table, in SQL both dialects run; no filter, none. */
export function feedConditions(
  entries: { entity: Column; entityId: Column; action: Column },
  filter: FeedFilter,
): SQL[] {
  const conditions: SQL[] = []
  if (filter.entity) conditions.push(inArray(entries.entity, [...filter.entity]))
  if (filter.entityId) conditions.push(inArray(entries.entityId, [...filter.entityId]))
  if (filter.action) conditions.push(inArray(entries.action, [...filter.action]))
  return conditions
}
