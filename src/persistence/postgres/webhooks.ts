// Webhooks and their delivery log on PostgreSQL. Several instances share the table: the lease is taken by one
// conditional UPDATE (a row lock decides between two instances asking at once), and `settle` moves the
// delivery state only while its worker still holds the lease. None of these writes is audited.
import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { Clock } from '../../domains/audit/entries.js'
import type { WebhookRepository } from '../contract.js'
import { deliveriesBefore, deliveryOf, leaseFreeFor, leaseHeldBy, leaseValues } from '../webhook-sql.js'
import { entriesAfter } from './chain.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { createdOrder } from './keyset.js'
import {
  auditEntryFromRow,
  deliveryFromRow,
  deliveryToRow,
  settledValues,
  toIso,
  webhookFromRow,
  webhookToRow,
} from './rows.js'
import { auditEntries, webhookDeliveries, webhooks } from './tables.js'

const { leaseOwner: _owner, leaseUntil: _until, ...webhookColumns } = getTableColumns(webhooks)

/** `clock`: the time a webhook is created or changed at. */
export function createPostgresWebhooks(db: PostgresDatabase, clock: Clock): WebhookRepository {
  const now = () => toIso(clock())
  const read = async (tx: PostgresDatabase, id: string, lock = false) => {
    const query = tx.select(webhookColumns).from(webhooks).where(eq(webhooks.id, id))
    const [row] = await (lock ? query.for('update') : query)
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
    list: () =>
      withRetries(async () =>
        (
          await db
            .select(webhookColumns)
            .from(webhooks)
            .orderBy(...createdOrder(webhooks, 'asc'))
        ).map(webhookFromRow),
      ),
    update: (id, change) =>
      withRetries(() =>
        db.transaction(async (tx) => {
          const stored = await read(tx, id, true)
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
      withRetries(async () => {
        const taken = await db
          .update(webhooks)
          .set(leaseValues(owner, untilMs))
          .where(leaseFreeFor(webhooks, id, owner, nowMs))
          .returning({ id: webhooks.id })
        return taken.length === 1
      }),
    release: (id, owner) =>
      withRetries(async () => {
        await db
          .update(webhooks)
          .set(leaseValues(null, null))
          .where(leaseHeldBy(webhooks, id, owner))
      }),
    entriesAfter: (seq, limit) => withRetries(() => entriesAfter(db, seq, limit)),
    entryAt: (seq) =>
      withRetries(async () => {
        const [row] = await db.select().from(auditEntries).where(eq(auditEntries.seq, seq))
        return row && auditEntryFromRow(row)
      }),
    settle: (id, owner, state, delivery) =>
      withRetries(() =>
        db.transaction(async (tx) => {
          const moved = await tx
            .update(webhooks)
            .set(settledValues(state))
            .where(leaseHeldBy(webhooks, id, owner))
            .returning({ id: webhooks.id })
          if (moved.length !== 1) return false
          if (delivery) await tx.insert(webhookDeliveries).values(deliveryToRow(delivery))
          return true
        }),
      ),
    logDelivery: (delivery) =>
      withRetries(async () => {
        await db.insert(webhookDeliveries).values(deliveryToRow(delivery))
      }),
    deliveries: (webhookId, limit, before) =>
      withRetries(async () => {
        const page = deliveriesBefore(webhookDeliveries, webhookId, before)
        const rows = await db
          .select()
          .from(webhookDeliveries)
          .where(page.where)
          .orderBy(page.order)
          .limit(limit)
        return rows.map(deliveryFromRow)
      }),
    delivery: (webhookId, deliveryId) =>
      withRetries(async () => {
        const [row] = await db
          .select()
          .from(webhookDeliveries)
          .where(deliveryOf(webhookDeliveries, webhookId, deliveryId))
        return row && deliveryFromRow(row)
      }),
  }
}
