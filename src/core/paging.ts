// Keyset paging, as every list speaks it: the repositories fetch `limit + 1` rows after a key, the routes
// turn the key of a page's last row into an opaque cursor (src/http/cursor.ts).

/** Keyset position of the last row of a page ordered by creation time, then id. */
export interface CreatedKey {
  createdAt: string
  id: string
}

/**
 * Position in a ranked search result: how many hits came before. Ranks move as rows are written, so a search
 * pages by offset (up to MAX_SEARCH_OFFSET), not by keyset.
 */
export interface OffsetKey {
  offset: number
}
export const MAX_SEARCH_OFFSET = 10_000

/** Keyset position in the audit trail, which is ordered by its sequence number. */
export interface SeqKey {
  seq: number
}

export interface ListRequest<Filter, Key> {
  filter: Filter
  limit: number
  /** Rows strictly after this position in the list's order; absent for the first page. */
  after?: Key
}

export interface Page<T, Key> {
  items: T[]
  /** Where the next page starts; null when this page is the last. */
  next: Key | null
}

/** The orders a list that offers a choice can be read in (design notes: oldest first by default). */
export const SORT_ORDERS = ['asc', 'desc'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

/**
 * Turns `limit + 1` rows fetched in list order into a page: the extra row only tells that a next page exists.
 */
export function toPage<T, Key>(rows: T[], limit: number, keyOf: (row: T) => Key): Page<T, Key> {
  if (rows.length <= limit) return { items: rows, next: null }
  const items = rows.slice(0, limit)
  return { items, next: keyOf(items[items.length - 1] as T) }
}
