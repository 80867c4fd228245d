import type { Page } from './contract.js'

/**
 * Turns `limit + 1` rows fetched in list order into a page: the extra row only tells that a next page exists.
 */
export function toPage<T, Key>(rows: T[], limit: number, keyOf: (row: T) => Key): Page<T, Key> {
  if (rows.length <= limit) return { items: rows, next: null }
  const items = rows.slice(0, limit)
  return { items, next: keyOf(items[items.length - 1] as T) }
}
