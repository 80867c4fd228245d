// The SQLite tables. Portable by design: the PostgreSQL schema declares the same tables, columns, constraints
// and indexes. Times are epoch milliseconds; arrays (but assignees) and audit diffs are JSON text.
import { sql } from 'drizzle-orm'
import {
  type AnySQLiteColumn,
  type IndexBuilder,
  index,
  integer,
  primaryKey,
  type SQLiteColumn,
  sqliteTable,
  text,
} from 'drizzle-orm/sqlite-core'
import { listIndexes } from '../table-indexes.js'

/** The list indexes, named and built as PostgreSQL's are (../table-indexes.ts). */
const { filterIndexes, newestFirstIndexes } = listIndexes<SQLiteColumn, IndexBuilder>(index)

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    rationaleLog: text('rationale_log').notNull(),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  // Every list filter has an index that also serves the newest-first order.
  (t) => newestFirstIndexes('tasks', t, { status: t.status, priority: t.priority }),
)

/**
 * A task's assignees, in order (`position` from 0), so `?assignee=` is an index search. `task_created_at` is
 * the task's `created_at` (which never changes), so that index also yields the list's newest-first order.
 */
export const taskAssignees = sqliteTable(
  'task_assignees',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    assignee: text('assignee').notNull(),
    taskCreatedAt: integer('task_created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.position] }),
    index('task_assignees_assignee_idx').on(t.assignee, t.taskCreatedAt, t.taskId),
  ],
)

export const bugs = sqliteTable(
  'bugs',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull(),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    reproSteps: text('repro_steps').notNull(),
    proposedFix: text('proposed_fix'),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => newestFirstIndexes('bugs', t, { task: t.taskId, severity: t.severity, status: t.status }),
)

export const statusUpdates = sqliteTable(
  'status_updates',
  {
    id: text('id').primaryKey(),
    actor: text('actor').notNull(),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => newestFirstIndexes('status_updates', t, { task: t.taskId, actor: t.actor }),
)

export const designNotes = sqliteTable(
  'design_notes',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    context: text('context').notNull(),
    decision: text('decision').notNull(),
    consequences: text('consequences').notNull(),
    actor: text('actor').notNull(),
    createdAt: integer('created_at').notNull(),
    supersededBy: text('superseded_by').references((): AnySQLiteColumn => designNotes.id),
    status: text('status').notNull().default('accepted'),
    version: integer('version').notNull().default(1),
  },
  // `?state=` picks one of the two partial indexes, each in list order (either way round).
  (t) => [
    ...newestFirstIndexes('design_notes', t, { status: t.status }),
    index('design_notes_active_idx').on(t.createdAt, t.id).where(sql`${t.supersededBy} is null`),
    index('design_notes_superseded_idx').on(t.createdAt, t.id).where(sql`${t.supersededBy} is not null`),
  ],
)

export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull().unique(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    at: integer('at').notNull(),
    diff: text('diff').notNull(),
    // '' only until the migration's back-fill has hashed rows written before the chain (migrate.ts).
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) =>
    filterIndexes('audit_entries', [t.seq], {
      entity: t.entityId,
      entity_kind: t.entity,
      actor: t.actor,
      action: t.action,
      at: t.at,
    }),
)

/** API tokens: only the SHA-256 of a secret is stored, unique so a request's token is found by its hash. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    expiresAt: integer('expires_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => newestFirstIndexes('api_tokens', t),
)

/**
 * Webhooks, with the secret that signs their deliveries (kept as it is: signing needs it, unlike a token,
 * which only needs to be recognised), their delivery state along the audit chain and the lease of the
 * worker delivering them. `active` is 0 or 1.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    events: text('events').notNull(),
    description: text('description'),
    active: integer('active').notNull(),
    secret: text('secret').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredThroughSeq: integer('delivered_through_seq').notNull(),
    attempt: integer('attempt').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
  },
  (t) => newestFirstIndexes('webhooks', t),
)

/** Every delivery attempt, newest first per webhook (ids are UUIDv7, so their order is time order). */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventSeq: integer('event_seq').notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status').notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    at: integer('at').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
  },
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id)],
)

/**
 * The search index's documents, one per searchable row (src/domains/search/documents.ts), kept by the write
 * path in the write's transaction. `doc_id` is the rowid of the FTS5 table `search_index` (external content:
 * this table is its content), created by a hand-written migration, since Drizzle cannot declare a virtual table.
 * Not part of a dump: import rebuilds it.
 */
export const searchDocuments = sqliteTable('search_documents', {
  docId: integer('doc_id').primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
})
