// The memory backend's reads for the API: one row by id, and the keyset-paged lists, filtered and sorted in
// JavaScript the way the SQL backends' statements do it.

import type { CreatedKey, ListRequest, Page, SeqKey } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { SearchableRow, SearchableTable } from '../../domains/search/documents.js'
import type { AuditRepository } from '../contract.js'
import type { Lists } from '../writes.js'
import type { AuditLog } from './apply.js'
import { entityHistory, type MemoryTables } from './reads.js'
import type { createMemorySearch } from './search.js'

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Negative when `a` comes first in newest-first order. */
export const byCreatedDesc = (a: CreatedKey, b: CreatedKey) =>
  compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id)
const after = (key: CreatedKey | undefined, row: CreatedKey, order: 'asc' | 'desc') =>
  key === undefined || (order === 'desc' ? byCreatedDesc(key, row) < 0 : byCreatedDesc(key, row) > 0)
const createdKey = (row: CreatedKey): CreatedKey => ({ createdAt: row.createdAt, id: row.id })

/** True when every filter field that is set equals the row's field of the same name, as a SQL `=` would. */
function setFieldsEqual<T>(row: T, filter: { [K in keyof T]?: T[K] }): boolean {
  return Object.entries(filter).every(
    ([field, value]) => value === undefined || row[field as keyof T] === value,
  )
}

function listCreated<T extends CreatedKey>(
  rows: Iterable<T>,
  request: ListRequest<unknown, CreatedKey>,
  matches: (row: T) => boolean,
  order: 'asc' | 'desc' = 'desc',
): Page<T, CreatedKey> {
  const sorted = [...rows]
    .filter((row) => matches(row) && after(request.after, row, order))
    .sort(order === 'desc' ? byCreatedDesc : (a, b) => byCreatedDesc(b, a))
  return toPage(sorted.slice(0, request.limit + 1), request.limit, createdKey)
}

function auditList(auditLog: AuditLog): AuditRepository['list'] {
  return async (request): Promise<Page<AuditEntry, SeqKey>> => {
    const { entity, entityId, actor, action, since, until } = request.filter
    const entries = auditLog.entries()
    const rows: AuditEntry[] = []
    for (let i = entries.length - 1; i >= 0 && rows.length <= request.limit; i--) {
      const e = entries[i] as AuditEntry
      if (request.after !== undefined && e.seq >= request.after.seq) continue
      // `at` does not go backwards along seq (see writeTime): every older entry is before the window too.
      if (since !== undefined && e.at < since) break
      if (setFieldsEqual(e, { entity, entityId, actor, action }) && (until === undefined || e.at <= until)) {
        rows.push(e)
      }
    }
    return toPage(rows, request.limit, (e) => ({ seq: e.seq }))
  }
}

export function createMemoryLists(
  tables: MemoryTables,
  auditLog: AuditLog,
  search: ReturnType<typeof createMemorySearch>,
): Lists {
  /**
   * One table's `get`, and its `list`: a page by creation time (newest first unless the request says
   * otherwise) of the rows `keep` keeps for the filter and the search text `q` matches, as the SQL backends'
   * list statements with their search join.
   */
  const searchedTable = <T extends CreatedKey & SearchableRow['row'], F extends { q?: string | undefined }>(
    rows: Map<string, T>,
    table: SearchableTable,
    keep: (row: T, filter: F) => boolean,
  ) => ({
    get: async (id: string) => rows.get(id),
    list: async (request: ListRequest<F, CreatedKey> & { order?: 'asc' | 'desc' }) => {
      const matches = search.matcher(table, request.filter.q)
      return listCreated(
        rows.values(),
        request,
        (row) => keep(row, request.filter) && matches(row),
        request.order,
      )
    },
  })

  return {
    tasks: searchedTable(
      tables.tasks,
      'tasks',
      (t, { status, priority, assignee }) =>
        setFieldsEqual(t, { status, priority }) && (assignee === undefined || t.assignees.includes(assignee)),
    ),
    bugs: searchedTable(tables.bugs, 'bugs', (b, { q: _, ...fields }) => setFieldsEqual(b, fields)),
    statusUpdates: searchedTable(
      tables.status_updates,
      'status_updates',
      (u, { taskId, actor, since }) =>
        setFieldsEqual(u, { taskId, actor }) && (since === undefined || u.createdAt >= since),
    ),
    designNotes: searchedTable(
      tables.design_notes,
      'design_notes',
      (n, { state, status }) =>
        (state === undefined || (state === 'active') === (n.supersededBy === null)) &&
        setFieldsEqual(n, { status }),
    ),
    audit: {
      get: async (id) => auditLog.entries().find((entry) => entry.id === id),
      list: auditList(auditLog),
      history: async (entity, entityId) => entityHistory(auditLog.entries(), entity, entityId),
      async oldestKept() {
        const oldest = auditLog.entries()[0]
        return oldest && { seq: oldest.seq, at: oldest.at }
      },
    },
  }
}
