// The search index's share of the one write path: the index changes a plan's row changes imply, applied by
// each backend's apply.ts in the write's own transaction, so an entry commits (or rolls back) with its row.
// No trigger keeps the index: what it holds is decided here, where the contract suite sees it.
import type { OffsetKey, Page } from '../core/paging.js'
import { MAX_SEARCH_OFFSET } from '../core/paging.js'
import {
  type SearchableRow,
  type SearchDocument,
  sameText,
  searchDocument,
} from '../domains/search/documents.js'
import type { SearchHit } from '../domains/search/schemas.js'
import type { EntityChange } from './writes.js'

export type IndexChange = { op: 'put'; doc: SearchDocument } | { op: 'remove'; entityId: string }

/** Inserts and text-changing updates put a document; deletes remove it; other updates leave the index be. */
export function indexChanges(changes: readonly EntityChange[]): IndexChange[] {
  return changes.flatMap((change): IndexChange[] => {
    if (change.op === 'delete') return [{ op: 'remove', entityId: change.before.id }]
    const doc = searchDocument({ table: change.table, row: change.row } as SearchableRow)
    if (change.op === 'update') {
      const before = searchDocument({ table: change.table, row: change.before } as SearchableRow)
      if (sameText(before, doc)) return []
    }
    return [{ op: 'put', doc }]
  })
}

/** Ranked hits, best first (ties newest first); the next page starts after this one's hits. */
export const offsetPage = (hits: SearchHit[], limit: number, after: OffsetKey | undefined) => {
  const start = after?.offset ?? 0
  const items = hits.slice(0, limit)
  const next = hits.length > limit && start + limit <= MAX_SEARCH_OFFSET ? { offset: start + limit } : null
  return { items, next } satisfies Page<SearchHit, OffsetKey>
}
