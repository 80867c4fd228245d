// Webhook rows of the SQL backends ↔ the webhook model, shared by both dialects like ./rows.ts.
import type { DeliveryState, StoredDelivery, StoredWebhook } from '../domains/webhooks/schemas.js'
import { toEpochMs, toEpochMsOrNull, toIso, toIsoOrNull } from './rows.js'

/** A webhook as stored, lease included (the lease is the worker's, never read back into a webhook). */
export type WebhookRow = {
  id: string
  url: string
  events: string
  description: string | null
  active: number
  secret: string
  createdAt: number
  updatedAt: number
  deliveredThroughSeq: number
  attempt: number
  nextAttemptAt: number | null
  leaseOwner: string | null
  leaseUntil: number | null
}

export type WebhookDeliveryRow = {
  id: string
  webhookId: string
  eventSeq: number
  attempt: number
  status: string
  responseStatus: number | null
  error: string | null
  at: number
  nextAttemptAt: number | null
}

export const webhookFromRow = (row: Omit<WebhookRow, 'leaseOwner' | 'leaseUntil'>): StoredWebhook => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  description: row.description,
  active: row.active === 1,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  secret: row.secret,
  deliveredThroughSeq: row.deliveredThroughSeq,
  attempt: row.attempt,
  nextAttemptAt: toIsoOrNull(row.nextAttemptAt),
})

/** The row of a webhook without its lease columns (a new webhook has no lease; an update keeps it). */
export const webhookToRow = (webhook: StoredWebhook): Omit<WebhookRow, 'leaseOwner' | 'leaseUntil'> => ({
  id: webhook.id,
  url: webhook.url,
  events: JSON.stringify(webhook.events),
  description: webhook.description,
  active: webhook.active ? 1 : 0,
  secret: webhook.secret,
  createdAt: toEpochMs(webhook.createdAt),
  updatedAt: toEpochMs(webhook.updatedAt),
  deliveredThroughSeq: webhook.deliveredThroughSeq,
  attempt: webhook.attempt,
  nextAttemptAt: toEpochMsOrNull(webhook.nextAttemptAt),
})

export const deliveryFromRow = (row: WebhookDeliveryRow): StoredDelivery => ({
  id: row.id,
  webhookId: row.webhookId,
  eventSeq: row.eventSeq,
  attempt: row.attempt,
  status: row.status as StoredDelivery['status'],
  responseStatus: row.responseStatus,
  error: row.error,
  at: toIso(row.at),
  nextAttemptAt: toIsoOrNull(row.nextAttemptAt),
})

export const deliveryToRow = (delivery: StoredDelivery): WebhookDeliveryRow => ({
  id: delivery.id,
  webhookId: delivery.webhookId,
  eventSeq: delivery.eventSeq,
  attempt: delivery.attempt,
  status: delivery.status,
  responseStatus: delivery.responseStatus,
  error: delivery.error,
  at: toEpochMs(delivery.at),
  nextAttemptAt: toEpochMsOrNull(delivery.nextAttemptAt),
})

/** The arguments of one `WebhookRepository.settle`, as the SQL backends batch them into one transaction. */
export type Settle = {
  id: string
  owner: string
  state: DeliveryState
  delivery?: StoredDelivery | undefined
}

/**
 * The columns a settled delivery writes: the webhook's place along the trail and its pending attempt. `active`
 * only ever goes off here: a PATCH that turned the webhook off meanwhile is not undone.
 */
export const settledValues = (state: DeliveryState) => ({
  deliveredThroughSeq: state.deliveredThroughSeq,
  attempt: state.attempt,
  nextAttemptAt: toEpochMsOrNull(state.nextAttemptAt),
  ...(state.active ? {} : { active: 0 }),
})
