// The conditions of the webhook queries, in SQL both dialects run: each backend builds its statements (and its
// transactions) around them, so a lease or a delivery page means the same on SQLite and PostgreSQL.
import { and, type Column, desc, eq, isNull, lt, or, type Placeholder, type SQL } from 'drizzle-orm'

type WebhookColumns = { id: Column; active: Column; leaseOwner: Column; leaseUntil: Column }
type DeliveryColumns = { id: Column; webhookId: Column }
/** A value, or the placeholder a prepared statement reads it from. */
type Value<T> = T | Placeholder

/** The columns a lease writes: taken by `owner` until `untilMs`, or (both null) released. */
export const leaseValues = (owner: string | null | SQL, untilMs: number | null | SQL) => ({
  leaseOwner: owner,
  leaseUntil: untilMs,
})

/** An active webhook whose lease is free, already `owner`'s, or expired at `nowMs`: one `owner` may take. */
export const leaseFreeFor = (
  webhooks: WebhookColumns,
  id: Value<string>,
  owner: Value<string>,
  nowMs: Value<number>,
) =>
  and(
    eq(webhooks.id, id),
    eq(webhooks.active, 1),
    or(isNull(webhooks.leaseOwner), eq(webhooks.leaseOwner, owner), lt(webhooks.leaseUntil, nowMs)),
  )

/** The webhook while `owner` still holds its lease: what a release or a settled delivery may write. */
export const leaseHeldBy = (webhooks: WebhookColumns, id: Value<string>, owner: Value<string>) =>
  and(eq(webhooks.id, id), eq(webhooks.leaseOwner, owner))

/** A page of a webhook's deliveries older than `before` (ids are time-ordered), newest first. */
export const deliveriesBefore = (
  deliveries: DeliveryColumns,
  webhookId: Value<string>,
  before: Value<string> | undefined,
) => ({
  where: and(
    eq(deliveries.webhookId, webhookId),
    before === undefined ? undefined : lt(deliveries.id, before),
  ),
  order: desc(deliveries.id),
})

/** One delivery of one webhook (a delivery id under another webhook finds nothing). */
export const deliveryOf = (
  deliveries: DeliveryColumns,
  webhookId: Value<string>,
  deliveryId: Value<string>,
) => and(eq(deliveries.webhookId, webhookId), eq(deliveries.id, deliveryId))
