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
import type { CreatedKey, ListRequest, OffsetKey, Page, SeqKey, SortOrder } from '../core/paging.js'
import type { StoredAuditEntry } from '../domains/audit/chain.js'
import type { OldestKept } from '../domains/audit/history.js'
import type { PruneRecord } from '../domains/audit/plan.js'
import type { AuditEntry, AuditFilter, AuditHead } from '../domains/audit/schemas.js'
import type { Bug, BugChanges, BugFilter, CreateBugBody } from '../domains/bugs/schemas.js'
import type {
  CreateDesignNoteBody,
  DesignNote,
  DesignNoteChanges,
  DesignNoteFilter,
} from '../domains/design-notes/schemas.js'
import type { SearchHit, SearchType } from '../domains/search/schemas.js'
import type {
  CreateStatusUpdateBody,
  StatusUpdate,
  StatusUpdateFilter,
} from '../domains/status-updates/schemas.js'
import type { CreateTaskBody, Task, TaskChanges, TaskFilter } from '../domains/tasks/schemas.js'
import type { DeliveryState, StoredDelivery, StoredWebhook } from '../domains/webhooks/schemas.js'

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

/**
 * Restores version `n` (see planTaskRestore / planBugRestore): with `expectedVersion` a live entity, compare-
 * and-set like `update`; without it a deleted one (undelete), throwing `notDeleted` when it is live. Throws
 * `historyPruned` when retention removed the history it needs, `referenceNotFound('version', …)` for a version
 * the entity never had.
 */
interface Restores<T> {
  restore(id: string, n: number, expectedVersion: number | undefined, actor: string): Promise<T>
}

/** Lists newest first. `delete` also detaches (and audits) the bugs and status updates that pointed at the task. */
export interface TaskRepository
  extends Creates<Task, CreateTaskBody>,
    Reads<Task, TaskFilter, CreatedKey>,
    VersionedWrites<Task, TaskChanges>,
    Restores<Task> {}

/** Lists newest first. `create` and `update` throw `referenceNotFound('taskId', …)` when `taskId` names no task. */
export interface BugRepository
  extends Creates<Bug, CreateBugBody>,
    Reads<Bug, BugFilter, CreatedKey>,
    VersionedWrites<Bug, BugChanges>,
    Restores<Bug> {}

/** Lists newest first. `create` throws `referenceNotFound('taskId', …)` when `taskId` names no task. */
export interface StatusUpdateRepository
  extends Creates<StatusUpdate, CreateStatusUpdateBody>,
    Reads<StatusUpdate, StatusUpdateFilter, CreatedKey> {}

/**
 * Lists in the requested order. With `supersedes`, `create` writes the new note and the old note's
 * `supersededBy` atomically; it throws `referenceNotFound('supersedes', …)` for an unknown note and
 * `alreadySuperseded` for a superseded one. `update` moves the status only (compare-and-set on the version,
 * `invalidTransition` for a move the lifecycle lacks); title and body never change.
 */
export interface DesignNoteRepository
  extends Creates<DesignNote, CreateDesignNoteBody>,
    Reads<DesignNote, DesignNoteFilter, CreatedKey, { order: SortOrder }> {
  update(id: string, changes: DesignNoteChanges, expectedVersion: number, actor: string): Promise<DesignNote>
}

/** One search: `q` as the client sent it (each backend parses it with src/domains/search/query.ts). */
export interface SearchRequest {
  q: string
  types: readonly SearchType[]
  limit: number
  after?: OffsetKey
}

/**
 * Full-text search over the index the write path keeps (search-index.ts). Every backend finds the same set of
 * hits for a query; the order within it (best match first) is each backend's own ranking, ties newest first.
 * Lists' `q` filters match exactly the entities this finds.
 */
export interface SearchRepository {
  search(request: SearchRequest): Promise<Page<SearchHit, OffsetKey>>
}

/** The entities whose history the API serves (src/domains/audit/history.ts rebuilds it from their entries). */
export type HistoryEntity = 'task' | 'bug'

/**
 * The hash chain's reads, and the one way entries leave it: retention deletes the oldest, archived first
 * (src/retention/). Entries are never changed.
 */
export interface AuditChain {
  /** The newest entry's seq, hash and time; undefined for an empty trail. */
  head(): Promise<AuditHead | undefined>
  /** At most `limit` entries after `afterSeq` (and at most `throughSeq`), oldest first: the chain, page by page. */
  chainPage(afterSeq: number, limit: number, throughSeq?: number): Promise<AuditEntry[]>
  /** chainPage's entries as stored, to `visit` one by one until it returns false (verify streams these); how many. */
  scanChain(afterSeq: number, limit: number, visit: (entry: StoredAuditEntry) => boolean): Promise<number>
  /** The seq of the newest entry written before `time`: entries up to it are the prefix older than `time`. */
  lastSeqBefore(time: string): Promise<number | undefined>
  /** Deletes up to `limit` of the oldest entries with seq ≤ `throughSeq`, in one short transaction; how many. */
  deleteOldest(throughSeq: number, limit: number): Promise<number>
  /**
   * Runs `work` unless another retention run holds this database (undefined then, at once). On PostgreSQL a
   * session advisory lock, on SQLite a lock file beside the database: of several instances or processes one prunes.
   */
  asRetentionRunner<T>(work: () => Promise<T>): Promise<T | undefined>
}

/** Lists newest (highest seq) first; no API changes an entry. */
export interface AuditRepository extends Reads<AuditEntry, AuditFilter, SeqKey>, AuditChain {
  /** Appends the entry that records a prune (entity `audit`, action `prune`) to the chain, as any write does. */
  recordPrune(record: PruneRecord, actor: string): Promise<AuditEntry>
  /** Every entry kept of one entity, oldest (lowest seq) first: the input of its history. */
  history(entity: HistoryEntity, entityId: string): Promise<AuditEntry[]>
  /** The entry with the lowest seq kept (retention deletes the oldest), or undefined for an empty trail. */
  oldestKept(): Promise<OldestKept | undefined>
}

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

/**
 * Webhooks and their delivery log. Not audited (operational configuration, like tokens). The delivery state
 * of a webhook (`deliveredThroughSeq`, `attempt`, `nextAttemptAt`) follows the audit chain and is only moved
 * by the holder of the webhook's lease, so each webhook is delivered by one worker at a time, across
 * processes and instances.
 */
export interface WebhookRepository {
  /** Stores a new webhook made by `make` from the audit trail's newest seq (0 when empty). */
  create(make: (headSeq: number, now: string) => StoredWebhook): Promise<StoredWebhook>
  get(id: string): Promise<StoredWebhook | undefined>
  /** Every webhook, oldest first. */
  list(): Promise<StoredWebhook[]>
  /** Writes the webhook `change` makes of the stored one, in one transaction; undefined for an unknown id. */
  update(
    id: string,
    change: (stored: StoredWebhook, now: string) => StoredWebhook,
  ): Promise<StoredWebhook | undefined>
  /** Deletes the webhook and its delivery log; false for an unknown id. */
  delete(id: string): Promise<boolean>
  /**
   * Takes the webhook's lease for `owner` until `untilMs`, or renews it: only while the webhook is active and
   * its lease is free, expired (before `nowMs`) or already `owner`'s. Whether `owner` holds it now.
   */
  lease(id: string, owner: string, nowMs: number, untilMs: number): Promise<boolean>
  /** Gives the lease up, if `owner` holds it. */
  release(id: string, owner: string): Promise<void>
  /** Up to `limit` audit entries after `seq`, oldest first. */
  entriesAfter(seq: number, limit: number): Promise<AuditEntry[]>
  /** The audit entry at `seq`, if it is still in the trail. */
  entryAt(seq: number): Promise<AuditEntry | undefined>
  /**
   * Moves the delivery state and logs `delivery` (if any), in one transaction, only while `owner` holds the
   * lease (undefined, writing nothing, otherwise). `state.active` can only turn a webhook off, never back on.
   * Returns the webhook as the settle left it, a change made before it included, so a worker sends the next
   * event without reading the webhook again.
   */
  settle(
    id: string,
    owner: string,
    state: DeliveryState,
    delivery?: StoredDelivery,
  ): Promise<StoredWebhook | undefined>
  /** Logs a delivery made outside the schedule (a redelivery). */
  logDelivery(delivery: StoredDelivery): Promise<void>
  /** The webhook's deliveries, newest first, after (older than) the delivery `before` when given. */
  deliveries(webhookId: string, limit: number, before?: string): Promise<StoredDelivery[]>
  delivery(webhookId: string, deliveryId: string): Promise<StoredDelivery | undefined>
}

export type PersistenceKind = 'memory' | 'sqlite' | 'postgres'

export interface Repos {
  readonly kind: PersistenceKind
  tasks: TaskRepository
  bugs: BugRepository
  statusUpdates: StatusUpdateRepository
  designNotes: DesignNoteRepository
  audit: AuditRepository
  search: SearchRepository
  feed: AuditFeed
  dump: DumpRepository
  tokens: TokenRepository
  webhooks: WebhookRepository
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
  'webhooks',
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
  /** Only in dumps made with --include-secrets: the signing secret and the delivery state, never the lease. */
  | { table: 'webhooks'; row: StoredWebhook }

/** One consistent view of the whole database, as export reads it. */
export interface DumpSnapshot {
  /** Row counts per table. */
  counts(): Promise<Record<DumpTable, number>>
  /**
   * Every row in canonical order (DUMP_TABLES, then creation time and id; audit entries by seq), tokens and
   * webhooks too (export leaves them out unless asked); read in batches, so memory stays flat.
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
