// PostgreSQL repositories over any Drizzle PostgreSQL database (node-postgres pool, or PGlite in tests).
// Each mutation is one transaction holding its audit entries; concurrent writers are kept apart by row locks and
// compare-and-set on `version`, never by this process, since several service instances may share the database.
import { and, asc, type Column, count, desc, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm'
import { notFound, referenceNotFound, versionMismatch } from '../../core/errors.js'
import type { CreatedKey, ListRequest, Page } from '../../core/paging.js'
import { toPage } from '../../core/paging.js'
import { changeBug, newBug } from '../../domains/bugs/rules.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import { newDesignNote, supersede } from '../../domains/design-notes/rules.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import { newStatusUpdate } from '../../domains/status-updates/rules.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import { changeTask, newTask } from '../../domains/tasks/rules.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { auditEntry, type PendingAuditEntry } from '../audit.js'
import type { Repos } from '../contract.js'
import type { PostgresDatabase } from './database.js'
import { createPostgresDump } from './dump.js'
import { withRetries } from './errors.js'
import { afterCreated, createdKey, createdOrder } from './keyset.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { schemaMigrations } from './migrate.js'
import {
  auditEntryFromRow,
  auditEntryToRow,
  bugFromRow,
  bugToRow,
  designNoteFromRow,
  designNoteToRow,
  statusUpdateFromRow,
  statusUpdateToRow,
  taskFromRow,
  taskToRow,
  toEpochMs,
  toIso,
} from './rows.js'
import { auditEntries, bugs, designNotes, statusUpdates, taskAssignees, tasks } from './tables.js'
import { assigneeOrder, insertAssignees, taskColumns } from './tasks.js'
import { createTokenRepository } from './tokens.js'

type RowLock = 'update' | 'key share'

/** An equality filter, or none when the request leaves the field out. */
const equals = <T>(column: Column, value: T | undefined) =>
  value === undefined ? undefined : eq(column, value)

/** `limit + 1` rows in list order → a page; the extra row only says that another page exists. */
const pageByCreated = <Row, T extends CreatedKey>(
  rows: Row[],
  request: ListRequest<unknown, CreatedKey>,
  fromRow: (row: Row) => T,
): Page<T, CreatedKey> => toPage(rows.map(fromRow), request.limit, createdKey)

/** Where an audited write stands in the trail: the time it records and the seq its entries follow. */
interface AuditClock {
  at: string
  lastSeq: number
}

/**
 * Takes the audit trail's append lock and reads the write's time under it. The transaction-scoped advisory
 * lock is held until commit, so concurrent writers (across instances too) take seqs one after another, in
 * commit order, and a rolled-back writer leaves no gap. The time is read once the lock is held, and never
 * before the last entry's (another instance's clock may run ahead), so `at` never goes backwards along `seq`;
 * the write stamps its rows with the same time, so an entity's timestamps equal its audit entries' `at`.
 * Every audited write takes it first, before any row lock, so writers cannot deadlock on it.
 */
async function lockAuditTrail(tx: PostgresDatabase): Promise<AuditClock> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  // A statement of its own: in READ COMMITTED it sees every writer that committed before the lock was granted.
  const [last] = await tx
    .select({ seq: auditEntries.seq, at: auditEntries.at })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
  return { at: toIso(Math.max(Date.now(), last?.at ?? 0)), lastSeq: last?.seq ?? 0 }
}

/** Appends the entries with the seqs after `clock.lastSeq`; only after `lockAuditTrail` in the same transaction. */
async function appendAudit(tx: PostgresDatabase, clock: AuditClock, pending: PendingAuditEntry[]) {
  await tx
    .insert(auditEntries)
    .values(pending.map((entry, i) => auditEntryToRow({ ...entry, seq: clock.lastSeq + i + 1 })))
}

/** Fails with referenceNotFound unless the task exists; the key-share lock keeps it until this transaction ends. */
async function requireTask(tx: PostgresDatabase, taskId: string | null | undefined) {
  if (taskId == null) return
  const [task] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId)).for('key share')
  if (task === undefined) throw referenceNotFound('taskId', taskId)
}

/** How the shared version logic reaches one table of versioned entities (tasks, bugs). */
interface VersionedTable<T extends { id: string; version: number }> {
  readonly name: string
  find(tx: PostgresDatabase, id: string, lock?: RowLock): Promise<T | undefined>
  /** Writes `next` when the row still has `expectedVersion`; false when it does not (changed or gone). */
  compareAndSet(tx: PostgresDatabase, next: T, expectedVersion: number): Promise<boolean>
}

const taskTable: VersionedTable<Task> = {
  name: 'Task',
  async find(tx, id, lock) {
    const query = tx.select(taskColumns).from(tasks).where(eq(tasks.id, id))
    const [row] = await (lock === undefined ? query : query.for(lock))
    return row && taskFromRow(row)
  },
  async compareAndSet(tx, next, expectedVersion) {
    const { id, assignees: _, ...values } = taskToRow(next)
    const written = await tx
      .update(tasks)
      .set(values)
      .where(and(eq(tasks.id, id), eq(tasks.version, expectedVersion)))
      .returning({ id: tasks.id })
    return written.length === 1
  },
}

const bugTable: VersionedTable<Bug> = {
  name: 'Bug',
  async find(tx, id, lock) {
    const query = tx.select().from(bugs).where(eq(bugs.id, id))
    const [row] = await (lock === undefined ? query : query.for(lock))
    return row && bugFromRow(row)
  },
  async compareAndSet(tx, next, expectedVersion) {
    const { id, ...values } = bugToRow(next)
    const written = await tx
      .update(bugs)
      .set(values)
      .where(and(eq(bugs.id, id), eq(bugs.version, expectedVersion)))
      .returning({ id: bugs.id })
    return written.length === 1
  },
}

/** The entity when it exists at `expectedVersion`; notFound or versionMismatch(current) otherwise. */
async function expectVersion<T extends { id: string; version: number }>(
  tx: PostgresDatabase,
  table: VersionedTable<T>,
  id: string,
  expectedVersion: number,
  lock?: RowLock,
): Promise<T> {
  const current = await table.find(tx, id, lock)
  if (current === undefined) throw notFound(table.name, id)
  if (current.version !== expectedVersion) throw versionMismatch(current.version)
  return current
}

/**
 * Compare-and-set of `next` over the version read earlier in this transaction. Of writers holding one version
 * the first to update wins; the others wait for its row lock, then match no row and report what it left.
 */
async function saveVersioned<T extends { id: string; version: number }>(
  tx: PostgresDatabase,
  table: VersionedTable<T>,
  next: T,
  expectedVersion: number,
) {
  if (await table.compareAndSet(tx, next, expectedVersion)) return
  const current = await table.find(tx, next.id)
  if (current === undefined) throw notFound(table.name, next.id)
  throw versionMismatch(current.version)
}

async function findDesignNote(tx: PostgresDatabase, id: string, lock?: RowLock) {
  const query = tx.select().from(designNotes).where(eq(designNotes.id, id))
  const [row] = await (lock === undefined ? query : query.for(lock))
  return row && designNoteFromRow(row)
}

export interface PostgresReposOptions {
  /** Releases what the database runs on (the pool, the PGlite instance); called at most once. */
  close(): Promise<void>
}

/** Repositories over `db`, already migrated. The caller owns the connection; `close` is how it is let go. */
export function createPostgresRepos(db: PostgresDatabase, options: PostgresReposOptions): Repos {
  /** One transaction, run again on a serialization failure or deadlock; an unreachable database is a 503. */
  const write = <T>(work: (tx: PostgresDatabase) => Promise<T>) => withRetries(() => db.transaction(work))
  const read = <T>(work: () => Promise<T>) => withRetries(work)
  // Both the app's onClose and a test's teardown may close; the pool must be ended only once.
  let closing: Promise<void> | undefined

  // Reads by id are the hot path: named prepared statements are parsed once per connection.
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

  const getOne =
    <Row, T>(query: { execute(values: { id: string }): Promise<Row[]> }, fromRow: (row: Row) => T) =>
    (id: string) =>
      read(async (): Promise<T | undefined> => {
        const [row] = await query.execute({ id })
        return row === undefined ? undefined : fromRow(row)
      })

  return {
    kind: 'postgres',
    tasks: {
      create: (input, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          const task = newTask(input, actor, clock.at)
          await tx.insert(tasks).values(taskToRow(task))
          await insertAssignees(tx, [task])
          await appendAudit(tx, clock, [auditEntry('task', 'create', actor, task.createdAt, null, task)])
          return task
        }),
      get: getOne(taskById, taskFromRow),
      list: (request) =>
        read(async () => {
          const { status, priority, assignee } = request.filter
          const filters = and(equals(tasks.status, status), equals(tasks.priority, priority))
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
      update: (id, changes, expectedVersion, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          const task = await expectVersion(tx, taskTable, id, expectedVersion)
          const next = changeTask(task, changes, actor, clock.at)
          if (next === task) return task
          await saveVersioned(tx, taskTable, next, expectedVersion)
          if (JSON.stringify(next.assignees) !== JSON.stringify(task.assignees)) {
            await tx.delete(taskAssignees).where(eq(taskAssignees.taskId, id))
            await insertAssignees(tx, [next])
          }
          await appendAudit(tx, clock, [auditEntry('task', 'update', actor, next.updatedAt, task, next)])
          return next
        }),
      delete: (id, expectedVersion, actor) =>
        write(async (tx) => {
          // Locking the task first stops bugs and status updates from being attached to it meanwhile (they take
          // a key-share lock on it): the foreign key's ON DELETE SET NULL would detach those unaudited.
          const clock = await lockAuditTrail(tx)
          const task = await expectVersion(tx, taskTable, id, expectedVersion, 'update')
          const { at } = clock
          const entries: PendingAuditEntry[] = []
          const attachedBugs = await tx
            .select()
            .from(bugs)
            .where(eq(bugs.taskId, id))
            .orderBy(...createdOrder(bugs, 'asc'))
            .for('update')
          for (const bug of attachedBugs.map(bugFromRow)) {
            const detached = changeBug(bug, { taskId: null }, at)
            await saveVersioned(tx, bugTable, detached, bug.version)
            entries.push(auditEntry('bug', 'update', actor, at, bug, detached))
          }
          const attachedUpdates = await tx
            .select()
            .from(statusUpdates)
            .where(eq(statusUpdates.taskId, id))
            .orderBy(...createdOrder(statusUpdates, 'asc'))
            .for('update')
          for (const update of attachedUpdates.map(statusUpdateFromRow)) {
            const detached: StatusUpdate = { ...update, taskId: null }
            await tx.update(statusUpdates).set({ taskId: null }).where(eq(statusUpdates.id, update.id))
            entries.push(auditEntry('status_update', 'update', actor, at, update, detached))
          }
          await tx.delete(tasks).where(eq(tasks.id, id))
          entries.push(auditEntry('task', 'delete', actor, at, task, null))
          await appendAudit(tx, clock, entries)
        }),
    },
    bugs: {
      create: (input, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          await requireTask(tx, input.taskId)
          const bug = newBug(input, clock.at)
          await tx.insert(bugs).values(bugToRow(bug))
          await appendAudit(tx, clock, [auditEntry('bug', 'create', actor, bug.createdAt, null, bug)])
          return bug
        }),
      get: getOne(bugById, bugFromRow),
      list: (request) =>
        read(async () => {
          const { severity, status, taskId } = request.filter
          const rows = await db
            .select()
            .from(bugs)
            .where(
              and(
                equals(bugs.severity, severity),
                equals(bugs.status, status),
                equals(bugs.taskId, taskId),
                afterCreated(bugs, request.after, 'desc'),
              ),
            )
            .orderBy(...createdOrder(bugs, 'desc'))
            .limit(request.limit + 1)
          return pageByCreated(rows, request, bugFromRow)
        }),
      update: (id, changes, expectedVersion, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          const bug = await expectVersion(tx, bugTable, id, expectedVersion)
          await requireTask(tx, changes.taskId)
          const next = changeBug(bug, changes, clock.at)
          if (next === bug) return bug
          await saveVersioned(tx, bugTable, next, expectedVersion)
          await appendAudit(tx, clock, [auditEntry('bug', 'update', actor, next.updatedAt, bug, next)])
          return next
        }),
      delete: (id, expectedVersion, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          const bug = await expectVersion(tx, bugTable, id, expectedVersion, 'update')
          await tx.delete(bugs).where(eq(bugs.id, id))
          await appendAudit(tx, clock, [auditEntry('bug', 'delete', actor, clock.at, bug, null)])
        }),
    },
    statusUpdates: {
      create: (input, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          await requireTask(tx, input.taskId)
          const update = newStatusUpdate(input, actor, clock.at)
          await tx.insert(statusUpdates).values(statusUpdateToRow(update))
          await appendAudit(tx, clock, [
            auditEntry('status_update', 'create', actor, update.createdAt, null, update),
          ])
          return update
        }),
      get: getOne(statusUpdateById, statusUpdateFromRow),
      list: (request) =>
        read(async () => {
          const { taskId, actor, since } = request.filter
          const rows = await db
            .select()
            .from(statusUpdates)
            .where(
              and(
                equals(statusUpdates.taskId, taskId),
                equals(statusUpdates.actor, actor),
                since === undefined ? undefined : gte(statusUpdates.createdAt, toEpochMs(since)),
                afterCreated(statusUpdates, request.after, 'desc'),
              ),
            )
            .orderBy(...createdOrder(statusUpdates, 'desc'))
            .limit(request.limit + 1)
          return pageByCreated(rows, request, statusUpdateFromRow)
        }),
    },
    designNotes: {
      create: (input, actor) =>
        write(async (tx) => {
          const clock = await lockAuditTrail(tx)
          const note = newDesignNote(input, actor, clock.at)
          const entries = [auditEntry('design_note', 'create', actor, note.createdAt, null, note)]
          let superseded: DesignNote | undefined
          if (input.supersedes !== undefined) {
            // Of two notes superseding one at once, the second waits on this lock, then sees the first's mark.
            const old = await findDesignNote(tx, input.supersedes, 'update')
            if (old === undefined) throw referenceNotFound('supersedes', input.supersedes)
            superseded = supersede(old, note)
            entries.push(auditEntry('design_note', 'supersede', actor, note.createdAt, old, superseded))
          }
          // The new note first: the old one's superseded_by references it.
          await tx.insert(designNotes).values(designNoteToRow(note))
          if (superseded !== undefined) {
            await tx
              .update(designNotes)
              .set({ supersededBy: superseded.supersededBy })
              .where(eq(designNotes.id, superseded.id))
          }
          await appendAudit(tx, clock, entries)
          return note
        }),
      get: getOne(designNoteById, designNoteFromRow),
      list: (request) =>
        read(async () => {
          const { state } = request.filter
          const rows = await db
            .select()
            .from(designNotes)
            .where(
              and(
                state === undefined
                  ? undefined
                  : state === 'active'
                    ? isNull(designNotes.supersededBy)
                    : isNotNull(designNotes.supersededBy),
                afterCreated(designNotes, request.after, request.order),
              ),
            )
            .orderBy(...createdOrder(designNotes, request.order))
            .limit(request.limit + 1)
          return pageByCreated(rows, request, designNoteFromRow)
        }),
    },
    audit: {
      get: getOne(auditEntryById, auditEntryFromRow),
      list: (request) =>
        read(async () => {
          const { entity, entityId, actor, action, since, until } = request.filter
          /** The seq of the window's first entry (`since`: the oldest at or after) or last (`until`: the newest at or before). */
          const windowEnd = (end: 'since' | 'until', at: number) =>
            db
              .select({ seq: auditEntries.seq })
              .from(auditEntries)
              .where(end === 'since' ? gte(auditEntries.at, at) : lte(auditEntries.at, at))
              .orderBy(
                ...(end === 'since'
                  ? [asc(auditEntries.at), asc(auditEntries.seq)]
                  : [desc(auditEntries.at), desc(auditEntries.seq)]),
              )
              .limit(1)
          const rows = await db
            .select()
            .from(auditEntries)
            .where(
              and(
                equals(auditEntries.entity, entity),
                equals(auditEntries.entityId, entityId),
                equals(auditEntries.actor, actor),
                equals(auditEntries.action, action),
                // `at` never goes backwards along seq (see lockAuditTrail), so a time window is a seq range: its
                // ends are looked up on the `at` index, the list walks seq between them (none qualifies → empty).
                since === undefined ? undefined : gte(auditEntries.seq, windowEnd('since', toEpochMs(since))),
                until === undefined ? undefined : lte(auditEntries.seq, windowEnd('until', toEpochMs(until))),
                request.after === undefined ? undefined : lt(auditEntries.seq, request.after.seq),
              ),
            )
            .orderBy(desc(auditEntries.seq))
            .limit(request.limit + 1)
          return toPage(rows.map(auditEntryFromRow), request.limit, (entry) => ({ seq: entry.seq }))
        }),
    },
    dump: createPostgresDump(db),
    tokens: createTokenRepository(db),
    health: () =>
      read(async () => {
        const [row] = await db.select({ applied: count() }).from(schemaMigrations)
        return { schemaVersion: row?.applied ?? 0 }
      }),
    close() {
      closing ??= options.close()
      return closing
    },
  }
}
