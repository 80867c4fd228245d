// The one contract every backend meets: memory, SQLite and PostgreSQL repositories all implement `Repos`,
// and test/contract/ holds them to it. Types come from the API's own schemas, never from a database.
//
// Rules every implementation keeps:
// - every mutation goes through the one write path (writes.ts): a pure plan (src/domains/*/plans.ts) decides
//   its rows, audit entries and outcome from what the backend read, and the backend applies it in one
//   transaction with its audit entries (both or neither);
// - `update`/`delete` of tasks and bugs compare-and-set on `expectedVersion` inside that transaction and
//   throw `versionMismatch(current)` when it is stale, `notFound` when the row is gone;
// - entities are built by the pure functions in src/domains/*/rules.ts, so defaults and versioning are the
//   same everywhere; audit entries, their seq and their time come from src/domains/audit/entries.ts.
import type { ApiToken, Role } from '../auth/schemas.js'
import type { CreatedKey, ListRequest, Page, SeqKey, SortOrder } from '../core/paging.js'
import type { AuditEntry, AuditFilter } from '../domains/audit/schemas.js'
import type { Bug, BugChanges, BugFilter, CreateBugBody } from '../domains/bugs/schemas.js'
import type { CreateDesignNoteBody, DesignNote, DesignNoteFilter } from '../domains/design-notes/schemas.js'
import type {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateFilter,
} from '../domains/status-updates/schemas.js'
import type { CreateTaskBody, Task, TaskChanges, TaskFilter } from '../domains/tasks/schemas.js'

/** Reads every entity repository offers: one entity by id, and a page of a list in that list's order. */
interface Reads<T, Filter, Key extends CreatedKey | SeqKey, ListOptions = unknown> {
  get(id: string): Promise<T | undefined>
  list(request: ListRequest<Filter, Key> & ListOptions): Promise<Page<T, Key>>
}

/** A create that writes the entity and its audit entry together, by `actor`. */
interface Creates<T, Input> {
  create(input: Input, actor: string): Promise<T>
}

/** Changes under optimistic concurrency: compare-and-set on `expectedVersion` (see the rules above). */
interface VersionedWrites<T, Changes> {
  update(id: string, changes: Changes, expectedVersion: number, actor: string): Promise<T>
  delete(id: string, expectedVersion: number, actor: string): Promise<void>
}

/** Lists newest first. `delete` also detaches (and audits) the bugs and status updates that pointed at the task. */
export interface TaskRepository
  extends Creates<Task, CreateTaskBody>,
    Reads<Task, TaskFilter, CreatedKey>,
    VersionedWrites<Task, TaskChanges> {}

/** Lists newest first. `create` and `update` throw `referenceNotFound('taskId', …)` when `taskId` names no task. */
export interface BugRepository
  extends Creates<Bug, CreateBugBody>,
    Reads<Bug, BugFilter, CreatedKey>,
    VersionedWrites<Bug, BugChanges> {}

/** Lists newest first. `create` throws `referenceNotFound('taskId', …)` when `taskId` names no task. */
export interface StatusUpdateRepository
  extends Creates<StatusUpdate, CreateStatusUpdateBody>,
    Reads<StatusUpdate, StatusUpdateFilter, CreatedKey> {}

/**
 * Lists in the requested order. With `supersedes`, `create` writes the new note and the old note's
 * `supersededBy` atomically; it throws `referenceNotFound('supersedes', …)` for an unknown note and
 * `alreadySuperseded` for a superseded one.
 */
export interface DesignNoteRepository
  extends Creates<DesignNote, CreateDesignNoteBody>,
    Reads<DesignNote, DesignNoteFilter, CreatedKey, { order: SortOrder }> {}

/** Read-only; lists newest (highest seq) first. */
export interface AuditRepository extends Reads<AuditEntry, AuditFilter, SeqKey> {}

/** Which entries a change feed wants; each list matches any of its values, an absent list everything. */
export interface FeedFilter {
  entity?: readonly AuditEntry['entity'][]
  entityId?: readonly string[]
  action?: readonly AuditEntry['action'][]
}

/**
 * The audit trail read forwards, for change feeds. Entries become visible in seq order with no gap (seqs are
 * taken under the write lock and committed in order), so a reader that remembers the last seq it saw and asks
 * for what follows misses nothing however late it is woken.
 */
export interface AuditFeed {
  /** Entries with seq > `after` matching `filter`, oldest first, at most `limit`. */
  after(after: number, limit: number, filter: FeedFilter): Promise<AuditEntry[]>
  /** The oldest kept seq (null when the trail is empty) and the newest seq (0 when empty). */
  bounds(): Promise<{ oldest: number | null; newest: number }>
  /**
   * Calls `listener` whenever entries may have been appended: by a write of this process (after its commit),
   * or of another instance or process on the same database, where the backend can tell. A call may come
   * with nothing new, and one call may stand for many writes. Returns the function that stops it.
   */
  onAppend(listener: () => void): () => void
}

export interface TokenRepository {
  /** Stores a new token under the SHA-256 (hex) of its secret. */
  create(input: {
    actor: string
    role: Role
    secretHash: string
    expiresAt: string | null
  }): Promise<ApiToken>
  findBySecretHash(secretHash: string): Promise<ApiToken | undefined>
  /** Every token, oldest first, revoked and expired ones included. */
  list(): Promise<ApiToken[]>
  /** Marks the token revoked (once; a second revoke keeps the first time); undefined for an unknown id. */
  revoke(id: string, at: string): Promise<ApiToken | undefined>
  /**
   * Rotation, in one transaction: a new token for the old one's actor and role under `secretHash`, and the
   * old token's expiry brought forward to `retireAt` (kept if it is sooner). Undefined, writing nothing,
   * when no token has that id or it is revoked.
   */
  rotate(
    id: string,
    input: { secretHash: string; expiresAt: string | null; retireAt: string },
  ): Promise<{ retired: ApiToken; token: ApiToken } | undefined>
  /** Records that the token was used at `at`. */
  touch(id: string, at: string): Promise<void>
  /** Whether any token was ever created: from then on every request needs one. */
  exists(): Promise<boolean>
}

export type PersistenceKind = 'memory' | 'sqlite' | 'postgres'

export interface Repos {
  readonly kind: PersistenceKind
  tasks: TaskRepository
  bugs: BugRepository
  statusUpdates: StatusUpdateRepository
  designNotes: DesignNoteRepository
  audit: AuditRepository
  feed: AuditFeed
  dump: DumpRepository
  tokens: TokenRepository
  /** Resolves when the database answers; rejects (with a TrailError 503) when it cannot be reached. */
  health(): Promise<{ schemaVersion: number }>
  close(): Promise<void>
}

/** The tables of a dump, in the order a dump lists them (and a load must insert them). */
export const DUMP_TABLES = [
  'tasks',
  'bugs',
  'status_updates',
  'design_notes',
  'audit_entries',
  'api_tokens',
] as const
export type DumpTable = (typeof DUMP_TABLES)[number]

export type DumpRow =
  | { table: 'tasks'; row: Task }
  | { table: 'bugs'; row: Bug }
  | { table: 'status_updates'; row: StatusUpdate }
  | { table: 'design_notes'; row: DesignNote }
  | { table: 'audit_entries'; row: AuditEntry }
  /** Only in dumps made with --include-tokens; `secretHash` is the secret's SHA-256, never the secret. */
  | { table: 'api_tokens'; row: ApiToken & { secretHash: string } }

/** One consistent view of the whole database, as export reads it. */
export interface DumpSnapshot {
  /** Row counts per table. */
  counts(): Promise<Record<DumpTable, number>>
  /**
   * Every row in canonical order: DUMP_TABLES order, then creation time and id (audit entries by seq);
   * API tokens too (export leaves them out unless asked).
   * Read in batches, so memory stays flat however large the database.
   */
  rows(batchSize?: number): AsyncIterable<DumpRow>
}

/** Whole-database reads and writes for export and import. */
export interface DumpRepository {
  /** Runs `read` inside one read transaction, so counts and rows agree even while others write. */
  snapshot<T>(read: (snapshot: DumpSnapshot) => Promise<T>): Promise<T>
  /**
   * Loads rows (validated, in canonical order) into an empty database in ONE transaction, then resets
   * anything derived so the next write continues where the rows end. Throws, having written nothing,
   * when the database is not empty or any row fails.
   */
  load(rows: AsyncIterable<DumpRow>): Promise<void>
}
