// Webhooks and their delivery log on SQLite. Every write runs in the store's immediate transaction, so the
// lease check and the state it guards commit together even with several processes on one file; none of
// them writes an audit entry (webhooks are not audited). Every statement is prepared once, when the
// repository is made: the worker runs a lease, a read and a settle per delivery, and building them per call
// showed in its profile. Settles asked for in one turn of the event loop (several webhooks answered at once)
// share a commit, as every write of the store does (store.ts): each still commits before its worker sends
// the next event, so a crash costs no more than the events in flight.
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { WebhookRepository } from '../contract.js'
import { deliveriesBefore, deliveryOf, leaseFreeFor, leaseHeldBy, leaseValues } from '../webhook-sql.js'
import { prepareEntriesAfter, prepareNewestEntry } from './chain.js'
import {
  auditEntryFromRow,
  deliveryFromRow,
  deliveryToRow,
  type Settle,
  settledValues,
  webhookFromRow,
  webhookToRow,
} from './rows.js'
import { byId, createdOrder, insertValues, limitParameter, type Store } from './store.js'
import { auditEntries, webhookDeliveries, webhooks } from './tables.js'

const { leaseOwner: _owner, leaseUntil: _until, ...webhookColumns } = getTableColumns(webhooks)
/** A placeholder where a SET or VALUES needs SQL. */
const param = (name: string): SQL => sql`${sql.placeholder(name)}`

function prepareStatements(store: Store) {
  const { db } = store
  const { id: _id, leaseOwner: _o, leaseUntil: _u, ...webhookSet } = insertValues(webhooks)
  const heldBy = leaseHeldBy(webhooks, sql.placeholder('id'), sql.placeholder('owner'))
  // A settle sets the delivery state; only one that turns the webhook off also writes `active`.
  const settle = (set: Record<string, SQL>) =>
    db.update(webhooks).set(set).where(heldBy).returning(webhookColumns).prepare()
  const settledSet = {
    deliveredThroughSeq: param('deliveredThroughSeq'),
    attempt: param('attempt'),
    nextAttemptAt: param('nextAttemptAt'),
  }
  const deliveryPage = (before: boolean) => {
    const page = deliveriesBefore(
      webhookDeliveries,
      sql.placeholder('webhookId'),
      before ? sql.placeholder('before') : undefined,
    )
    return db
      .select()
      .from(webhookDeliveries)
      .where(page.where)
      .orderBy(page.order)
      .limit(limitParameter())
      .prepare()
  }
  return {
    selectById: db.select(webhookColumns).from(webhooks).where(byId(webhooks)).prepare(),
    selectAll: db
      .select(webhookColumns)
      .from(webhooks)
      .orderBy(...createdOrder(webhooks, 'asc'))
      .prepare(),
    newestEntry: prepareNewestEntry(store),
    insertWebhook: db.insert(webhooks).values(insertValues(webhooks)).prepare(),
    updateWebhook: db.update(webhooks).set(webhookSet).where(byId(webhooks)).prepare(),
    deleteDeliveries: db
      .delete(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, sql.placeholder('id')))
      .prepare(),
    deleteWebhook: db.delete(webhooks).where(byId(webhooks)).prepare(),
    lease: db
      .update(webhooks)
      .set(leaseValues(param('owner'), param('untilMs')))
      .where(
        leaseFreeFor(webhooks, sql.placeholder('id'), sql.placeholder('owner'), sql.placeholder('nowMs')),
      )
      .prepare(),
    release: db.update(webhooks).set(leaseValues(null, null)).where(heldBy).prepare(),
    settleKeepingActive: settle(settledSet),
    settleDeactivating: settle({ ...settledSet, active: sql`0` }),
    insertDelivery: db.insert(webhookDeliveries).values(insertValues(webhookDeliveries)).prepare(),
    entriesAfter: prepareEntriesAfter(store),
    entryAt: db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.seq, sql.placeholder('seq')))
      .prepare(),
    latestDeliveries: deliveryPage(false),
    deliveriesBefore: deliveryPage(true),
    delivery: db
      .select()
      .from(webhookDeliveries)
      .where(deliveryOf(webhookDeliveries, sql.placeholder('webhookId'), sql.placeholder('deliveryId')))
      .prepare(),
  }
}

/** `now`: the time a webhook is created or changed at. */
export function createSqliteWebhooks(store: Store, now: () => string): WebhookRepository {
  const { write } = store
  const s = prepareStatements(store)
  const settleOne = ({ id, owner, state, delivery }: Settle) => {
    const { active, ...values } = settledValues(state)
    const statement = active === 0 ? s.settleDeactivating : s.settleKeepingActive
    const row = statement.get({ ...values, id, owner })
    if (row === undefined) return undefined
    if (delivery) s.insertDelivery.run(deliveryToRow(delivery))
    return webhookFromRow(row)
  }
  const get = (id: string) => {
    const row = s.selectById.get({ id })
    return row && webhookFromRow(row)
  }

  return {
    create: (make) =>
      write(() => {
        const webhook = make(s.newestEntry.get()?.seq ?? 0, now())
        s.insertWebhook.run({ ...webhookToRow(webhook), leaseOwner: null, leaseUntil: null })
        return webhook
      }),
    get: async (id) => get(id),
    list: async () => s.selectAll.all().map(webhookFromRow),
    update: (id, change) =>
      write(() => {
        const stored = get(id)
        if (stored === undefined) return undefined
        const changed = change(stored, now())
        s.updateWebhook.run({ ...webhookToRow(changed), id })
        return changed
      }),
    delete: (id) =>
      write(() => {
        s.deleteDeliveries.run({ id })
        return s.deleteWebhook.run({ id }).changes === 1
      }),
    lease: (id, owner, nowMs, untilMs) =>
      write(() => s.lease.run({ id, owner, nowMs, untilMs }).changes === 1),
    release: async (id, owner) => {
      await write(() => s.release.run({ id, owner }))
    },
    entriesAfter: async (seq, limit) => s.entriesAfter.all({ after: seq, limit }).map(auditEntryFromRow),
    entryAt: async (seq) => {
      const row = s.entryAt.get({ seq })
      return row && auditEntryFromRow(row)
    },
    settle: (id, owner, state, delivery) => write(() => settleOne({ id, owner, state, delivery })),
    logDelivery: async (delivery) => {
      await write(() => s.insertDelivery.run(deliveryToRow(delivery)))
    },
    deliveries: async (webhookId, limit, before) =>
      (before === undefined
        ? s.latestDeliveries.all({ webhookId, limit })
        : s.deliveriesBefore.all({ webhookId, limit, before })
      ).map(deliveryFromRow),
    delivery: async (webhookId, deliveryId) => {
      const row = s.delivery.get({ webhookId, deliveryId })
      return row && deliveryFromRow(row)
    },
  }
}
