// The API's reads on SQLite: one row by id (reads.ts) and the keyset-paged lists, each a prepared statement
// per combination of the filters set, so SQLite plans it with the index that fits (see tables.ts).
import {
  and,
  desc,
  eq,
  getTableColumns,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  type Placeholder,
  sql,
} from 'drizzle-orm'
import type { SortOrder } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import { auditWindowEnd } from '../audit-window.js'
import type { Repos } from '../contract.js'
import type { Lists } from '../writes.js'
import type { SqliteReads } from './reads.js'
import {
  type AuditEntryRow,
  auditEntryFromRow,
  bugFromRow,
  type DesignNoteRow,
  designNoteFromRow,
  statusUpdateFromRow,
  type TaskRow,
  taskFromRow,
  toEpochMsIfSet,
} from './rows.js'
import { listMatch, matchingIds } from './search.js'
import {
  createdAfter,
  createdAfterParams,
  createdOrder,
  createdPage,
  limitParameter,
  listStatements,
  newestFirstList,
  rowReader,
  type Store,
} from './store.js'
import { auditEntries, bugs, designNotes, statusUpdates, taskAssignees, tasks } from './tables.js'
import { taskColumns } from './tasks.js'

function taskList({ db, sqlite }: Store): Repos['tasks']['list'] {
  const filters = {
    status: (value: Placeholder) => eq(tasks.status, value),
    priority: (value: Placeholder) => eq(tasks.priority, value),
    q: (value: Placeholder) => matchingIds(tasks.id, 'task', value),
  }
  // Without `assignee`: tasks in (created_at, id) order, through the index of the filter set, if any.
  const listStatement = listStatements({ ...filters, afterId: () => createdAfter(tasks, 'desc') }, (where) =>
    rowReader<TaskRow>(
      sqlite,
      taskColumns,
      db
        .select(taskColumns)
        .from(tasks)
        .where(where)
        .orderBy(...createdOrder(tasks, 'desc'))
        .limit(limitParameter()),
    ),
  )
  // With `assignee`: that assignee's task_assignees rows, already in the tasks' order, each joined to its task.
  const assigneeListStatement = listStatements(
    {
      ...filters,
      afterId: () =>
        sql`(${taskAssignees.taskCreatedAt}, ${taskAssignees.taskId}) < (${sql.placeholder('afterCreatedAt')}, ${sql.placeholder('afterId')})`,
    },
    (where) =>
      rowReader<TaskRow>(
        sqlite,
        taskColumns,
        db
          .select(taskColumns)
          .from(taskAssignees)
          .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
          .where(and(eq(taskAssignees.assignee, sql.placeholder('assignee')), where))
          .orderBy(desc(taskAssignees.taskCreatedAt), desc(taskAssignees.taskId))
          .limit(limitParameter()),
      ),
  )
  return async ({ filter, limit, after }) => {
    const q = listMatch(filter.q)
    if (q === null) return { items: [], next: null }
    const params = { ...filter, q, ...createdAfterParams(after), limit: limit + 1 }
    const statement = filter.assignee === undefined ? listStatement(params) : assigneeListStatement(params)
    return createdPage(statement.all(params).map(taskFromRow), limit)
  }
}

function designNoteList({ db, sqlite }: Store): Repos['designNotes']['list'] {
  const columns = getTableColumns(designNotes)
  const listStatementsIn = (order: SortOrder) =>
    listStatements(
      {
        // Only whether these are set matters: `state` picks one of the two conditions.
        active: () => isNull(designNotes.supersededBy),
        superseded: () => isNotNull(designNotes.supersededBy),
        status: (value) => eq(designNotes.status, value),
        q: (value) => matchingIds(designNotes.id, 'design_note', value),
        afterId: () => createdAfter(designNotes, order),
      },
      (where) =>
        rowReader<DesignNoteRow>(
          sqlite,
          columns,
          db
            .select(columns)
            .from(designNotes)
            .where(where)
            .orderBy(...createdOrder(designNotes, order))
            .limit(limitParameter()),
        ),
    )
  const listStatement = { asc: listStatementsIn('asc'), desc: listStatementsIn('desc') }
  return async ({ filter, order, limit, after }) => {
    const q = listMatch(filter.q)
    if (q === null) return { items: [], next: null }
    const params = {
      active: filter.state === 'active' || undefined,
      superseded: filter.state === 'superseded' || undefined,
      status: filter.status,
      q,
      ...createdAfterParams(after),
      limit: limit + 1,
    }
    return createdPage(listStatement[order](params).all(params).map(designNoteFromRow), limit)
  }
}

function auditList({ db, sqlite }: Store): Repos['audit']['list'] {
  const columns = getTableColumns(auditEntries)
  const listStatement = listStatements(
    {
      entity: (value) => eq(auditEntries.entity, value),
      entityId: (value) => eq(auditEntries.entityId, value),
      actor: (value) => eq(auditEntries.actor, value),
      action: (value) => eq(auditEntries.action, value),
      since: (value) => gte(auditEntries.seq, auditWindowEnd('since', auditEntries, value)),
      until: (value) => lte(auditEntries.seq, auditWindowEnd('until', auditEntries, value)),
      beforeSeq: (value) => lt(auditEntries.seq, value),
    },
    (where) =>
      rowReader<AuditEntryRow>(
        sqlite,
        columns,
        db
          .select(columns)
          .from(auditEntries)
          .where(where)
          .orderBy(desc(auditEntries.seq))
          .limit(limitParameter()),
      ),
  )
  return async ({ filter, limit, after }) => {
    const params = {
      ...filter,
      since: toEpochMsIfSet(filter.since),
      until: toEpochMsIfSet(filter.until),
      beforeSeq: after?.seq,
      limit: limit + 1,
    }
    const rows = listStatement(params).all(params).map(auditEntryFromRow)
    return toPage(rows, limit, (entry) => ({ seq: entry.seq }))
  }
}

export function createSqliteLists(store: Store, reads: SqliteReads): Lists {
  const bugStatement = newestFirstList(store, bugs, {
    severity: (value) => eq(bugs.severity, value),
    status: (value) => eq(bugs.status, value),
    taskId: (value) => eq(bugs.taskId, value),
    q: (value) => matchingIds(bugs.id, 'bug', value),
  })
  // The hot read: each filter has an index that also serves the order (see tables.ts).
  const statusUpdateStatement = newestFirstList(store, statusUpdates, {
    taskId: (value) => eq(statusUpdates.taskId, value),
    actor: (value) => eq(statusUpdates.actor, value),
    since: (value) => gte(statusUpdates.createdAt, value),
    q: (value) => matchingIds(statusUpdates.id, 'status_update', value),
  })
  return {
    tasks: { get: async (id) => reads.task(id), list: taskList(store) },
    bugs: {
      get: async (id) => reads.bug(id),
      async list({ filter, limit, after }) {
        const q = listMatch(filter.q)
        if (q === null) return { items: [], next: null }
        const params = { ...filter, q, ...createdAfterParams(after), limit: limit + 1 }
        return createdPage(bugStatement(params).all(params).map(bugFromRow), limit)
      },
    },
    statusUpdates: {
      get: async (id) => reads.statusUpdate(id),
      async list({ filter, limit, after }) {
        const { taskId, actor, since } = filter
        const q = listMatch(filter.q)
        if (q === null) return { items: [], next: null }
        const params = {
          taskId,
          actor,
          q,
          since: toEpochMsIfSet(since),
          ...createdAfterParams(after),
          limit: limit + 1,
        }
        return createdPage(statusUpdateStatement(params).all(params).map(statusUpdateFromRow), limit)
      },
    },
    designNotes: { get: async (id) => reads.designNote(id), list: designNoteList(store) },
    audit: {
      get: async (id) => reads.auditEntry(id),
      list: auditList(store),
      history: async (entity, entityId) => reads.history(entity, entityId),
      oldestKept: async () => reads.oldestKept(),
    },
  }
}
