// The one contract every backend meets: memory, SQLite and PostgreSQL repositories all implement `Repos`,
// and test/contract/suite.ts holds them to it. Types come from the API's own schemas, never from a database.
//
// Rules every implementation keeps:
// - each mutation writes its audit entries itself, in the same transaction as the change (both or neither);
// - `update`/`delete` of tasks and bugs compare-and-set on `expectedVersion` inside that transaction and
//   throw `versionMismatch(current)` when it is stale, `notFound` when the row is gone;
// - entities are built by the pure functions in src/domains/*/rules.ts, so defaults and versioning are the
//   same everywhere; audit diffs come from src/persistence/audit.ts.
import type { AuditEntry, AuditFilter } from '../domains/audit/schemas.js'
import type { Bug, BugChanges, BugFilter, CreateBugBody } from '../domains/bugs/schemas.js'
import type {
  CreateDesignNoteBody,
  DesignNote,
  DesignNoteFilter,
  SortOrder,
} from '../domains/design-notes/schemas.js'
import type {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateFilter,
} from '../domains/status-updates/schemas.js'
import type { CreateTaskBody, Task, TaskChanges, TaskFilter } from '../domains/tasks/schemas.js'

/** Keyset position of the last row of a page ordered by creation time, then id. */
export interface CreatedKey {
  createdAt: string
  id: string
}

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

export interface TaskRepository {
  create(input: CreateTaskBody, actor: string): Promise<Task>
  get(id: string): Promise<Task | undefined>
  /** Newest first. */
  list(request: ListRequest<TaskFilter, CreatedKey>): Promise<Page<Task, CreatedKey>>
  update(id: string, changes: TaskChanges, expectedVersion: number, actor: string): Promise<Task>
  /** Also detaches (and audits) the bugs and status updates that pointed at the task. */
  delete(id: string, expectedVersion: number, actor: string): Promise<void>
}

export interface BugRepository {
  /** Throws `referenceNotFound('taskId', …)` when `taskId` names no task. */
  create(input: CreateBugBody, actor: string): Promise<Bug>
  get(id: string): Promise<Bug | undefined>
  /** Newest first. */
  list(request: ListRequest<BugFilter, CreatedKey>): Promise<Page<Bug, CreatedKey>>
  update(id: string, changes: BugChanges, expectedVersion: number, actor: string): Promise<Bug>
  delete(id: string, expectedVersion: number, actor: string): Promise<void>
}

export interface StatusUpdateRepository {
  /** Throws `referenceNotFound('taskId', …)` when `taskId` names no task. */
  create(input: CreateStatusUpdateBody, actor: string): Promise<StatusUpdate>
  get(id: string): Promise<StatusUpdate | undefined>
  /** Newest first. */
  list(request: ListRequest<StatusUpdateFilter, CreatedKey>): Promise<Page<StatusUpdate, CreatedKey>>
}

export interface DesignNoteRepository {
  /**
   * With `supersedes`, writes the new note and the old note's `supersededBy` atomically; throws
   * `referenceNotFound('supersedes', …)` for an unknown note and `alreadySuperseded` for a superseded one.
   */
  create(input: CreateDesignNoteBody, actor: string): Promise<DesignNote>
  get(id: string): Promise<DesignNote | undefined>
  list(
    request: ListRequest<DesignNoteFilter, CreatedKey> & { order: SortOrder },
  ): Promise<Page<DesignNote, CreatedKey>>
}

export interface AuditRepository {
  get(id: string): Promise<AuditEntry | undefined>
  /** Newest (highest seq) first. */
  list(request: ListRequest<AuditFilter, SeqKey>): Promise<Page<AuditEntry, SeqKey>>
}

export type PersistenceKind = 'memory' | 'sqlite' | 'postgres'

export interface Repos {
  readonly kind: PersistenceKind
  tasks: TaskRepository
  bugs: BugRepository
  statusUpdates: StatusUpdateRepository
  designNotes: DesignNoteRepository
  audit: AuditRepository
  /** Resolves when the database answers; rejects (with a TrailError 503) when it cannot be reached. */
  health(): Promise<{ schemaVersion: number }>
  close(): Promise<void>
}
