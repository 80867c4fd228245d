// The one write path. Every mutation of the contract is spelled once, here: what it reads, and which plan
// (src/domains/*/plans.ts) decides it. A backend supplies only its reads and a `transact` that reads the audit
// tail, lets the mutation decide, and applies the plan in the same transaction (its apply.ts).
//
// Reads may answer at once (memory, SQLite) or later (PostgreSQL). `andThen` continues synchronously when the
// value is already there, so on SQLite a whole mutation (reads, plan, apply) runs inside one synchronous
// better-sqlite3 transaction, with no `await` in it; its `transact` refuses a decision that is a Promise.
import type { AuditTail, Clock } from '../domains/audit/entries.js'
import { type ChangePlan, isAtVersion, staleOrGone } from '../domains/audit/plan.js'
import { type BugRowChange, planBugCreate, planBugDelete, planBugUpdate } from '../domains/bugs/plans.js'
import type { Bug } from '../domains/bugs/schemas.js'
import {
  type DesignNoteRowChange,
  planDesignNoteCreate,
  planDesignNoteStatus,
} from '../domains/design-notes/plans.js'
import type { DesignNote } from '../domains/design-notes/schemas.js'
import { planStatusUpdateCreate, type StatusUpdateRowChange } from '../domains/status-updates/plans.js'
import {
  planTaskCreate,
  planTaskDelete,
  planTaskUpdate,
  type TaskAttachments,
  type TaskRowChange,
} from '../domains/tasks/plans.js'
import type { Task } from '../domains/tasks/schemas.js'
import type {
  BugRepository,
  DesignNoteRepository,
  Repos,
  StatusUpdateRepository,
  TaskRepository,
} from './contract.js'

export type { AuditTail, Clock }

/** Any row change a plan may hold, over the tables tasks, bugs, status_updates and design_notes. */
export type EntityChange = TaskRowChange | BugRowChange | StatusUpdateRowChange | DesignNoteRowChange
export type Plan<Result> = ChangePlan<EntityChange, Result>

/** A value now or later. */
export type Awaitable<T> = T | Promise<T>

/** `next(value)`, at once when `value` is already there: a synchronous backend stays synchronous. */
export const andThen = <A, B>(value: Awaitable<A>, next: (value: A) => Awaitable<B>): Awaitable<B> =>
  value instanceof Promise ? value.then(next) : next(value)

/** A decision a synchronous backend can apply: refuses a Promise, which would have to be awaited mid-transaction. */
export function decidedNow<T>(value: Awaitable<T>): T {
  if (value instanceof Promise)
    throw new Error('This backend writes synchronously; its reads must answer at once')
  return value
}

/**
 * What the mutations read inside their transaction. `lock` names the PostgreSQL row lock a read takes where
 * concurrent writers must wait for this one; the other backends hold the whole database for a write anyway.
 */
export interface WriteReads {
  task(id: string, lock?: 'for update'): Awaitable<Task | undefined>
  bug(id: string, lock?: 'for update'): Awaitable<Bug | undefined>
  designNote(id: string, lock: 'for update'): Awaitable<DesignNote | undefined>
  /** Whether the task exists; on PostgreSQL it is key-share locked, so it cannot go until the write ends. */
  taskExists(id: string): Awaitable<boolean>
  /** The bugs, then the status updates, pointing at the task, each oldest first, locked for update. */
  attachedTo(taskId: string): Awaitable<TaskAttachments>
}

/**
 * One write transaction: read the audit tail, run `decide` with the reads and the write time, apply the plan
 * it returns, commit, and answer the plan's result. Errors thrown by `decide` roll everything back.
 */
export type Transact = <Result>(
  decide: (reads: WriteReads, at: string) => Awaitable<Plan<Result>>,
) => Promise<Result>

/** Whether `id` names an existing task, or names none (nothing to check). */
const referencedTaskFound = (reads: WriteReads, id: string | null | undefined): Awaitable<boolean> =>
  id == null ? true : reads.taskExists(id)

const NOTHING_ATTACHED: TaskAttachments = { bugs: [], statusUpdates: [] }

/** How errors name the row of each table. */
export const ENTITY_NAMES: Record<EntityChange['table'], string> = {
  tasks: 'Task',
  bugs: 'Bug',
  status_updates: 'Status update',
  design_notes: 'Design note',
}

/**
 * The error for a change that matched no row: another writer changed or deleted the row after it was read
 * (`current` is what it left). Inside one serialised write this cannot happen; the check keeps a lost race
 * from passing silently should that ever change. On PostgreSQL it is how the losers of a race on one version
 * learn the winner's version.
 */
export const lostRace = (
  table: EntityChange['table'],
  id: string,
  current: { version: number } | undefined,
) => staleOrGone(ENTITY_NAMES[table], id, current)

/** A backend's reads for the API: one row by id, and the paged lists (each backend's lists.ts). */
export type Lists = {
  [K in EntityRepos]: Pick<Repos[K], 'get' | 'list'>
}
type EntityRepos = 'tasks' | 'bugs' | 'statusUpdates' | 'designNotes' | 'audit'

/** The entity repositories of a backend: the shared writes over its transaction, and its own lists. */
export function entityRepositories(transact: Transact, lists: Lists): Pick<Repos, EntityRepos> {
  const writes = createWrites(transact)
  return {
    tasks: { ...writes.tasks, ...lists.tasks },
    bugs: { ...writes.bugs, ...lists.bugs },
    statusUpdates: { ...writes.statusUpdates, ...lists.statusUpdates },
    designNotes: { ...writes.designNotes, ...lists.designNotes },
    audit: lists.audit,
  }
}

type Writes = {
  tasks: Pick<TaskRepository, 'create' | 'update' | 'delete'>
  bugs: Pick<BugRepository, 'create' | 'update' | 'delete'>
  statusUpdates: Pick<StatusUpdateRepository, 'create'>
  designNotes: Pick<DesignNoteRepository, 'create' | 'update'>
}

/**
 * Reads that only matter once the row is known to be at the expected version are made only then, so a stale
 * write fails before it reads (or locks) anything else, as the plans would decide anyway.
 */
export function createWrites(transact: Transact): Writes {
  return {
    tasks: {
      create: (input, actor) => transact((_, at) => planTaskCreate(input, actor, at)),
      update: (id, changes, expectedVersion, actor) =>
        transact((reads, at) =>
          andThen(reads.task(id), (task) =>
            planTaskUpdate({ id, task }, changes, expectedVersion, actor, at),
          ),
        ),
      // Locking the task first stops bugs and status updates from being attached to it meanwhile (they
      // key-share lock it): the foreign key's ON DELETE SET NULL would detach those unaudited.
      delete: (id, expectedVersion, actor) =>
        transact((reads, at) =>
          andThen(reads.task(id, 'for update'), (task) =>
            andThen(
              isAtVersion(task, expectedVersion) ? reads.attachedTo(id) : NOTHING_ATTACHED,
              (attached) => planTaskDelete({ id, task, ...attached }, expectedVersion, actor, at),
            ),
          ),
        ),
    },
    bugs: {
      create: (input, actor) =>
        transact((reads, at) =>
          andThen(referencedTaskFound(reads, input.taskId), (taskFound) =>
            planBugCreate(input, { taskFound }, actor, at),
          ),
        ),
      update: (id, changes, expectedVersion, actor) =>
        transact((reads, at) =>
          andThen(reads.bug(id), (bug) =>
            andThen(
              isAtVersion(bug, expectedVersion) ? referencedTaskFound(reads, changes.taskId) : true,
              (taskFound) => planBugUpdate({ id, bug, taskFound }, changes, expectedVersion, actor, at),
            ),
          ),
        ),
      delete: (id, expectedVersion, actor) =>
        transact((reads, at) =>
          andThen(reads.bug(id, 'for update'), (bug) =>
            planBugDelete({ id, bug }, expectedVersion, actor, at),
          ),
        ),
    },
    statusUpdates: {
      create: (input, actor) =>
        transact((reads, at) =>
          andThen(referencedTaskFound(reads, input.taskId), (taskFound) =>
            planStatusUpdateCreate(input, { taskFound }, actor, at),
          ),
        ),
    },
    designNotes: {
      // Of two notes superseding one at once, the second waits on the first's lock, then sees its mark.
      create: (input, actor) =>
        transact((reads, at) =>
          andThen(
            input.supersedes === undefined ? undefined : reads.designNote(input.supersedes, 'for update'),
            (superseded) => planDesignNoteCreate(input, { superseded }, actor, at),
          ),
        ),
      update: (id, changes, expectedVersion, actor) =>
        transact((reads, at) =>
          andThen(reads.designNote(id, 'for update'), (note) =>
            planDesignNoteStatus({ id, note }, changes, expectedVersion, actor, at),
          ),
        ),
    },
  }
}
