// The API's reads on PostgreSQL, outside any write transaction: one row by id (named prepared statements,
// parsed once per connection: the hot path) and the keyset-paged lists.
import { and, type Column, desc, eq, gte, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { CreatedKey, ListRequest, Page } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import { auditWindowEnd } from '../audit-window.js'
import type { Lists } from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { afterCreated, type CreatedColumns, createdKey, createdOrder, type Order } from './keyset.js'
import {
  auditEntryFromRow,
  bugFromRow,
  designNoteFromRow,
  statusUpdateFromRow,
  taskFromRow,
  toEpochMs,
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
    bugs: {
      get: getOne(bugById, bugFromRow),
      list: (request) => {
        const { severity, status, taskId } = request.filter
        return createdPage(
          bugs,
          bugFromRow,
          request,
          'desc',
          equals(bugs.severity, severity),
          equals(bugs.status, status),
          equals(bugs.taskId, taskId),
          listMatch(bugs.id, 'bug', request.filter.q),
        )
      },
    },
    statusUpdates: {
      get: getOne(statusUpdateById, statusUpdateFromRow),
      list: (request) => {
        const { taskId, actor, since } = request.filter
        return createdPage(
          statusUpdates,
          statusUpdateFromRow,
          request,
          'desc',
          equals(statusUpdates.taskId, taskId),
          equals(statusUpdates.actor, actor),
          since === undefined ? undefined : gte(statusUpdates.createdAt, toEpochMs(since)),
          listMatch(statusUpdates.id, 'status_update', request.filter.q),
        )
      },
    },
    designNotes: {
      get: getOne(designNoteById, designNoteFromRow),
      list: (request) => {
        const { state } = request.filter
        const superseded = designNotes.supersededBy
        return createdPage(
          designNotes,
          designNoteFromRow,
          request,
          request.order,
          state === undefined ? undefined : state === 'active' ? isNull(superseded) : isNotNull(superseded),
          equals(designNotes.status, request.filter.status),
          listMatch(designNotes.id, 'design_note', request.filter.q),
        )
      },
    },
    audit: {
      get: getOne(auditEntryById, auditEntryFromRow),
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
