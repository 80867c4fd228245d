// Webhooks and their delivery log on SQLite. Every write runs in the store's immediate transaction, so the
// lease check and the state it guards commit together even with several processes on one file; none of
// them writes an audit entry (webhooks are not audited).
import { asc, eq, getTableColumns, gt, sql } from 'drizzle-orm'
import type { WebhookRepository } from '../contract.js'
import { deliveriesBefore, deliveryOf, leaseFreeFor, leaseHeldBy, leaseValues } from '../webhook-sql.js'
import {
  auditEntryFromRow,
  deliveryFromRow,
  deliveryToRow,
  settledValues,
  webhookFromRow,
  webhookToRow,
} from './rows.js'
import { byId, createdOrder, type Store } from './store.js'
import { auditEntries, webhookDeliveries, webhooks } from './tables.js'

const { leaseOwner: _owner, leaseUntil: _until, ...webhookColumns } = getTableColumns(webhooks)

/** `now`: the time a webhook is created or changed at. */
export function createSqliteWebhooks({ db, write }: Store, now: () => string): WebhookRepository {
  const selectById = db.select(webhookColumns).from(webhooks).where(byId(webhooks)).prepare()
  const head = db
    .select({ seq: sql<number | null>`max(${auditEntries.seq})` })
    .from(auditEntries)
    .prepare()
  const get = (id: string) => {
    const row = selectById.get({ id })
    return row && webhookFromRow(row)
  }

  return {
    create: (make) =>
      write(() => {
        const webhook = make(head.get()?.seq ?? 0, now())
        db.insert(webhooks).values(webhookToRow(webhook)).run()
        return webhook
      }),
    get: async (id) => get(id),
    list: async () =>
      db
        .select(webhookColumns)
        .from(webhooks)
        .orderBy(...createdOrder(webhooks, 'asc'))
        .all()
        .map(webhookFromRow),
    update: (id, change) =>
      write(() => {
        const stored = get(id)
        if (stored === undefined) return undefined
        const changed = change(stored, now())
        const { id: _id, ...row } = webhookToRow(changed)
        db.update(webhooks).set(row).where(eq(webhooks.id, id)).run()
        return changed
      }),
    delete: (id) =>
      write(() => {
        db.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).run()
        return db.delete(webhooks).where(eq(webhooks.id, id)).run().changes === 1
      }),
    lease: (id, owner, nowMs, untilMs) =>
      write(
        () =>
          db
            .update(webhooks)
            .set(leaseValues(owner, untilMs))
            .where(leaseFreeFor(webhooks, id, owner, nowMs))
            .run().changes === 1,
      ),
    release: async (id, owner) => {
      await write(() =>
        db
          .update(webhooks)
          .set(leaseValues(null, null))
          .where(leaseHeldBy(webhooks, id, owner))
          .run(),
      )
    },
    entriesAfter: async (seq, limit) =>
      db
        .select()
        .from(auditEntries)
        .where(gt(auditEntries.seq, seq))
        .orderBy(asc(auditEntries.seq))
        .limit(limit)
        .all()
        .map(auditEntryFromRow),
    entryAt: async (seq) => {
      const row = db.select().from(auditEntries).where(eq(auditEntries.seq, seq)).get()
      return row && auditEntryFromRow(row)
    },
    settle: (id, owner, state, delivery) =>
      write(() => {
        const moved = db
          .update(webhooks)
          .set(settledValues(state))
          .where(leaseHeldBy(webhooks, id, owner))
          .run()
        if (moved.changes !== 1) return false
        if (delivery) db.insert(webhookDeliveries).values(deliveryToRow(delivery)).run()
        return true
      }),
    logDelivery: async (delivery) => {
      await write(() => db.insert(webhookDeliveries).values(deliveryToRow(delivery)).run())
    },
    deliveries: async (webhookId, limit, before) => {
      const page = deliveriesBefore(webhookDeliveries, webhookId, before)
      const rows = db
        .select()
        .from(webhookDeliveries)
        .where(page.where)
        .orderBy(page.order)
        .limit(limit)
        .all()
      return rows.map(deliveryFromRow)
    },
    delivery: async (webhookId, deliveryId) => {
      const row = db
        .select()
        .from(webhookDeliveries)
        .where(deliveryOf(webhookDeliveries, webhookId, deliveryId))
        .get()
      return row && deliveryFromRow(row)
    },
  }
}
