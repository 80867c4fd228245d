// The API's reads on PostgreSQL, outside any write transaction: one row by id (named prepared statements,
// parsed once per connection: the hot path) and the keyset-paged lists.
import { and, asc, type Column, desc, eq, gte, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { CreatedKey, ListRequest, Page } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import type { SearchType } from '../../domains/search/schemas.js'
import { auditWindowEnd } from '../audit-window.js'
import type { Lists } from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { afterCreated, type CreatedColumns, createdKey, createdOrder, type Order } from './keyset.js'
import { entityHistory } from './reads.js'
import {
  auditEntryFromRow,
  bugFromRow,
  designNoteFromRow,
  statusUpdateFromRow,
  taskFromRow,
  toEpochMs,
  toIso,
} from './rows.js'
import { listMatch } from './search.js'
import { auditEntries, bugs, designNotes, statusUpdates, taskAssignees, tasks } from './tables.js'
import { assigneeOrder, taskColumns } from './tasks.js'

/** An equality filter, or none when the request leaves the field out. */
const equals = <T>(column: Column, value: T | undefined) =>
  value === undefined ? undefined : eq(column, value)

/** `limit + 1` rows in list order → a page; the extra row only says that another page exists. */
const pageByCreated = <Row, T extends CreatedKey>(
  rows: Row[],
  request: ListRequest<unknown, CreatedKey>,
  fromRow: (row: Row) => T,
): Page<T, CreatedKey> => toPage(rows.map(fromRow), request.limit, createdKey)

/** Reads run again on a serialization failure; an unreachable database is a 503. */
export function createPostgresLists(db: PostgresDatabase): Lists {
  const read = <T>(work: () => Promise<T>) => withRetries(work)
  const byId = sql.placeholder('id')
  const taskById = db.select(taskColumns).from(tasks).where(eq(tasks.id, byId)).prepare('trail_task_by_id')
  const bugById = db.select().from(bugs).where(eq(bugs.id, byId)).prepare('trail_bug_by_id')
  const statusUpdateById = db
    .select()
    .from(statusUpdates)
    .where(eq(statusUpdates.id, byId))
    .prepare('trail_status_update_by_id')
  const designNoteById = db
    .select()
    .from(designNotes)
    .where(eq(designNotes.id, byId))
    .prepare('trail_design_note_by_id')
  const auditEntryById = db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.id, byId))
    .prepare('trail_audit_entry_by_id')

  /** One page of `table` in (created_at, id) `order`: the rows matching `conditions`, after the request's key. */
  const createdPage = <T extends CreatedKey, Row>(
    table: PgTable & CreatedColumns,
    fromRow: (row: Row) => T,
    request: ListRequest<unknown, CreatedKey>,
    order: Order,
    ...conditions: (SQL | null | undefined)[]
  ) =>
    read(async () => {
      // A `q` of only stop words matches nothing.
      if (conditions.includes(null)) return { items: [], next: null }
      const rows = await db
        .select()
        // Drizzle's select types do not follow a table known only as PgTable; the rows are its all the same.
        .from(table as PgTable as typeof bugs)
        .where(and(...(conditions as (SQL | undefined)[]), afterCreated(table, request.after, order)))
        .orderBy(...createdOrder(table, order))
        .limit(request.limit + 1)
      return pageByCreated(rows as Row[], request, fromRow)
    })

  const getOne =
    <Row, T>(query: { execute(values: { id: string }): Promise<Row[]> }, fromRow: (row: Row) => T) =>
    (id: string) =>
      read(async (): Promise<T | undefined> => {
        const [row] = await query.execute({ id })
        return row === undefined ? undefined : fromRow(row)
      })

  /**
   * One table's `get`, and its `list`: a page by creation time (newest first unless the request orders
   * otherwise) of the rows meeting the filter's `conditions` and the search text `q`.
   */
  const searchedTable = <T extends CreatedKey, Row, F extends { q?: string | undefined }>(
    table: PgTable & CreatedColumns & { id: PgColumn },
    query: { execute(values: { id: string }): Promise<Row[]> },
    fromRow: (row: Row) => T,
    entity: SearchType,
    conditions: (filter: F) => (SQL | undefined)[],
  ) => ({
    get: getOne(query, fromRow),
    list: (request: ListRequest<F, CreatedKey> & { order?: Order }) =>
      createdPage(
        table,
        fromRow,
        request,
        request.order ?? 'desc',
        ...conditions(request.filter),
        listMatch(table.id, entity, request.filter.q),
      ),
  })

  return {
    tasks: {
      get: getOne(taskById, taskFromRow),
      list: (request) =>
        read(async () => {
          const { status, priority, assignee, q } = request.filter
          const matching = listMatch(tasks.id, 'task', q)
          if (matching === null) return { items: [], next: null }
          const filters = and(equals(tasks.status, status), equals(tasks.priority, priority), matching)
          // With `assignee`, that assignee's task_assignees rows are already in the tasks' order.
          const rows =
            assignee === undefined
              ? await db
                  .select(taskColumns)
                  .from(tasks)
                  .where(and(filters, afterCreated(tasks, request.after, 'desc')))
                  .orderBy(...createdOrder(tasks, 'desc'))
                  .limit(request.limit + 1)
              : await db
                  .select(taskColumns)
                  .from(taskAssignees)
                  .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
                  .where(
                    and(
                      eq(taskAssignees.assignee, assignee),
                      filters,
                      afterCreated(assigneeOrder, request.after, 'desc'),
                    ),
                  )
                  .orderBy(...createdOrder(assigneeOrder, 'desc'))
                  .limit(request.limit + 1)
          return pageByCreated(rows, request, taskFromRow)
        }),
    },
    bugs: searchedTable(bugs, bugById, bugFromRow, 'bug', ({ severity, status, taskId }) => [
      equals(bugs.severity, severity),
      equals(bugs.status, status),
      equals(bugs.taskId, taskId),
    ]),
    statusUpdates: searchedTable(
      statusUpdates,
      statusUpdateById,
      statusUpdateFromRow,
      'status_update',
      ({ taskId, actor, since }) => [
        equals(statusUpdates.taskId, taskId),
        equals(statusUpdates.actor, actor),
        since === undefined ? undefined : gte(statusUpdates.createdAt, toEpochMs(since)),
      ],
    ),
    designNotes: searchedTable(
      designNotes,
      designNoteById,
      designNoteFromRow,
      'design_note',
      ({ state, status }) => [
        state === undefined
          ? undefined
          : state === 'active'
            ? isNull(designNotes.supersededBy)
            : isNotNull(designNotes.supersededBy),
        equals(designNotes.status, status),
      ],
    ),
    audit: {
      get: getOne(auditEntryById, auditEntryFromRow),
      history: (entity, entityId) => read(() => entityHistory(db, entity, entityId)),
      oldestKept: () =>
        read(async () => {
          const [oldest] = await db
            .select({ seq: auditEntries.seq, at: auditEntries.at })
            .from(auditEntries)
            .orderBy(asc(auditEntries.seq))
            .limit(1)
          return oldest && { seq: oldest.seq, at: toIso(oldest.at) }
        }),
      list: (request) =>
        read(async () => {
          const { entity, entityId, actor, action, since, until } = request.filter
          const rows = await db
            .select()
            .from(auditEntries)
            .where(
              and(
                equals(auditEntries.entity, entity),
                equals(auditEntries.entityId, entityId),
                equals(auditEntries.actor, actor),
                equals(auditEntries.action, action),
                since === undefined
                  ? undefined
                  : gte(auditEntries.seq, auditWindowEnd('since', auditEntries, toEpochMs(since))),
                until === undefined
                  ? undefined
                  : lte(auditEntries.seq, auditWindowEnd('until', auditEntries, toEpochMs(until))),
                request.after === undefined ? undefined : lt(auditEntries.seq, request.after.seq),
              ),
            )
            .orderBy(desc(auditEntries.seq))
            .limit(request.limit + 1)
          return toPage(rows.map(auditEntryFromRow), request.limit, (entry) => ({ seq: entry.seq }))
        }),
    },
  }
}
