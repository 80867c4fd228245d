// Webhooks and their delivery log on PostgreSQL. Several instances share the table: the lease is taken by one
// conditional UPDATE (a row lock decides between two instances asking at once), and `settle` moves the
// delivery state only while its worker still holds the lease. None of these writes is audited.
// The worker's statements (lease, read, page, settle) are built once and run as named prepared statements
// (statements.ts), and a settle is one statement: the UPDATE guarded by the lease and the INSERT of its log
// entry in one data-modifying CTE, which commits or fails whole like the transaction it replaces, in one round
// trip instead of four (BEGIN, UPDATE, INSERT, COMMIT).
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { Clock } from '../../domains/audit/entries.js'
import type { WebhookRepository } from '../contract.js'
import { deliveriesBefore, deliveryOf, leaseFreeFor, leaseHeldBy, leaseValues } from '../webhook-sql.js'
import { prepareEntriesAfter } from './chain.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { createdOrder } from './keyset.js'
import {
  type AuditEntryRow,
  auditEntryFromRow,
  deliveryFromRow,
  deliveryToRow,
  type Settle,
  settledValues,
  toIso,
  type WebhookDeliveryRow,
  type WebhookRow,
  webhookFromRow,
  webhookToRow,
} from './rows.js'
import { fixedStatement } from './statements.js'
import { auditEntries, webhookDeliveries, webhooks } from './tables.js'

const { leaseOwner: _owner, leaseUntil: _until, ...webhookColumns } = getTableColumns(webhooks)
type StoredRow = Omit<WebhookRow, 'leaseOwner' | 'leaseUntil'>
/** A placeholder where a SET or a selected value needs SQL. */
const param = (name: string): SQL => sql`${sql.placeholder(name)}`

/** The settle statements: with or without a log entry, keeping `active` or turning the webhook off. */
function prepareSettles(db: PostgresDatabase) {
  const settledSet = {
    deliveredThroughSeq: param('deliveredThroughSeq'),
    attempt: param('attempt'),
    nextAttemptAt: param('nextAttemptAt'),
  }
  const moved = (deactivating: boolean) =>
    db
      .update(webhooks)
      .set(deactivating ? { ...settledSet, active: sql`0` } : settledSet)
      .where(leaseHeldBy(webhooks, sql.placeholder('id'), sql.placeholder('owner')))
      .returning(webhookColumns)
  // The log entry is inserted from the row the UPDATE moved: a worker that lost its lease logs nothing.
  // Drizzle types an insert's select by its columns; placeholders are SQL, hence the cast.
  const logged = (deactivating: boolean) => {
    const settled = db.$with('settled').as(moved(deactivating))
    const entry = db.$with('entry').as(
      db.insert(webhookDeliveries).select(
        (qb) =>
          qb
            .select({
              id: param('deliveryId'),
              webhookId: settled.id,
              eventSeq: param('eventSeq'),
              attempt: param('deliveryAttempt'),
              status: param('status'),
              responseStatus: param('responseStatus'),
              error: param('error'),
              at: param('at'),
              nextAttemptAt: param('deliveryNextAttemptAt'),
            })
            .from(settled) as never,
      ),
    )
    return db.with(settled, entry).select().from(settled)
  }
  const variant = (deactivating: boolean) => {
    const name = `trail_webhook_settle${deactivating ? '_deactivating' : ''}`
    return {
      bare: fixedStatement<StoredRow[]>(name, moved(deactivating)),
      logging: fixedStatement<StoredRow[]>(`${name}_logged`, logged(deactivating)),
    }
  }
  const keeping = variant(false)
  const turningOff = variant(true)
  return async ({ id, owner, state, delivery }: Settle) => {
    const { active, ...values } = settledValues(state)
    const { bare, logging } = active === 0 ? turningOff : keeping
    const moving = { ...values, id, owner }
    const [row] =
      delivery === undefined
        ? await bare(db, moving)
        : await logging(db, { ...moving, ...deliveryValues(deliveryToRow(delivery)) })
    return row && webhookFromRow(row)
  }
}

/** A log entry's values under the settle statement's names (its own attempt and next attempt, apart from the webhook's). */
const deliveryValues = ({
  id,
  attempt,
  nextAttemptAt,
  webhookId: _webhookId,
  ...row
}: WebhookDeliveryRow) => ({
  ...row,
  deliveryId: id,
  deliveryAttempt: attempt,
  deliveryNextAttemptAt: nextAttemptAt,
})

function prepareStatements(db: PostgresDatabase) {
  const deliveryPage = (before: boolean) => {
    const page = deliveriesBefore(
      webhookDeliveries,
      sql.placeholder('webhookId'),
      before ? sql.placeholder('before') : undefined,
    )
    return fixedStatement<WebhookDeliveryRow[]>(
      `trail_webhook_deliveries${before ? '_before' : ''}`,
      db
        .select()
        .from(webhookDeliveries)
        .where(page.where)
        .orderBy(page.order)
        .limit(sql.placeholder('limit')),
    )
  }
  return {
    byId: fixedStatement<StoredRow[]>(
      'trail_webhook_by_id',
      db
        .select(webhookColumns)
        .from(webhooks)
        .where(eq(webhooks.id, sql.placeholder('id'))),
    ),
    all: fixedStatement<StoredRow[]>(
      'trail_webhooks',
      db
        .select(webhookColumns)
        .from(webhooks)
        .orderBy(...createdOrder(webhooks, 'asc')),
    ),
    lease: fixedStatement<{ id: string }[]>(
      'trail_webhook_lease',
      db
        .update(webhooks)
        .set(leaseValues(param('owner'), param('untilMs')))
        .where(
          leaseFreeFor(webhooks, sql.placeholder('id'), sql.placeholder('owner'), sql.placeholder('nowMs')),
        )
        .returning({ id: webhooks.id }),
    ),
    release: fixedStatement<unknown>(
      'trail_webhook_release',
      db
        .update(webhooks)
        .set(leaseValues(null, null))
        .where(leaseHeldBy(webhooks, sql.placeholder('id'), sql.placeholder('owner'))),
    ),
    settle: prepareSettles(db),
    entriesAfter: prepareEntriesAfter(db),
    entryAt: fixedStatement<AuditEntryRow[]>(
      'trail_audit_entry_at',
      db
        .select()
        .from(auditEntries)
        .where(eq(auditEntries.seq, sql.placeholder('seq'))),
    ),
    latestDeliveries: deliveryPage(false),
    deliveriesBefore: deliveryPage(true),
    delivery: fixedStatement<WebhookDeliveryRow[]>(
      'trail_webhook_delivery',
      db
        .select()
        .from(webhookDeliveries)
        .where(deliveryOf(webhookDeliveries, sql.placeholder('webhookId'), sql.placeholder('deliveryId'))),
    ),
  }
}

/** `clock`: the time a webhook is created or changed at. */
export function createPostgresWebhooks(db: PostgresDatabase, clock: Clock): WebhookRepository {
  const now = () => toIso(clock())
  const s = prepareStatements(db)
  const read = async (tx: PostgresDatabase, id: string) => {
    const [row] = await s.byId(tx, { id })
    return row && webhookFromRow(row)
  }
  const readForUpdate = async (tx: PostgresDatabase, id: string) => {
    const [row] = await tx.select(webhookColumns).from(webhooks).where(eq(webhooks.id, id)).for('update')
    return row && webhookFromRow(row)
  }

  return {
    create: (make) =>
      withRetries(async () => {
        const [head] = await db
          .select({ seq: sql<number | null>`max(${auditEntries.seq})` })
          .from(auditEntries)
        const webhook = make(head?.seq ?? 0, now())
        await db.insert(webhooks).values(webhookToRow(webhook))
        return webhook
      }),
    get: (id) => withRetries(() => read(db, id)),
    list: () => withRetries(async () => (await s.all(db)).map(webhookFromRow)),
    update: (id, change) =>
      withRetries(() =>
        db.transaction(async (tx) => {
          const stored = await readForUpdate(tx, id)
          if (stored === undefined) return undefined
          const changed = change(stored, now())
          const { id: _id, ...row } = webhookToRow(changed)
          await tx.update(webhooks).set(row).where(eq(webhooks.id, id))
          return changed
        }),
      ),
    delete: (id) =>
      withRetries(async () => {
        const deleted = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id })
        return deleted.length === 1
      }),
    lease: (id, owner, nowMs, untilMs) =>
      withRetries(async () => (await s.lease(db, { id, owner, nowMs, untilMs })).length === 1),
    release: (id, owner) =>
      withRetries(async () => {
        await s.release(db, { id, owner })
      }),
    entriesAfter: (seq, limit) => withRetries(() => s.entriesAfter(seq, limit)),
    entryAt: (seq) =>
      withRetries(async () => {
        const [row] = await s.entryAt(db, { seq })
        return row && auditEntryFromRow(row)
      }),
    settle: (id, owner, state, delivery) => withRetries(() => s.settle({ id, owner, state, delivery })),
    logDelivery: (delivery) =>
      withRetries(async () => {
        await db.insert(webhookDeliveries).values(deliveryToRow(delivery))
      }),
    deliveries: (webhookId, limit, before) =>
      withRetries(async () => {
        const rows =
          before === undefined
            ? await s.latestDeliveries(db, { webhookId, limit })
            : await s.deliveriesBefore(db, { webhookId, limit, before })
        return rows.map(deliveryFromRow)
      }),
    delivery: (webhookId, deliveryId) =>
      withRetries(async () => {
        const [row] = await s.delivery(db, { webhookId, deliveryId })
        return row && deliveryFromRow(row)
      }),
  }
}
