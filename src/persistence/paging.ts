import { asc, type Column, desc, gte, lte } from 'drizzle-orm'
import type { Page } from './contract.js'

/**
 * Turns `limit + 1` rows fetched in list order into a page: the extra row only tells that a next page exists.
 */
export function toPage<T, Key>(rows: T[], limit: number, keyOf: (row: T) => Key): Page<T, Key> {
  if (rows.length <= limit) return { items: rows, next: null }
  const items = rows.slice(0, limit)
  return { items, next: keyOf(items[items.length - 1] as T) }
}

/**
 * How a SQL backend finds one end of an audit time window: for `since` the oldest entry at or after the time,
 * for `until` the newest at or before it. `at` never goes backwards along seq (see writeTime), so the window is
 * the seq range between its two ends, looked up on the `at` index.
 */
export const auditWindowEnd = (
  end: 'since' | 'until',
  entries: { at: Column; seq: Column },
  time: unknown,
) =>
  end === 'since'
    ? { where: gte(entries.at, time), orderBy: [asc(entries.at), asc(entries.seq)] }
    : { where: lte(entries.at, time), orderBy: [desc(entries.at), desc(entries.seq)] }
