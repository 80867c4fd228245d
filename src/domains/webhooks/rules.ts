// The rules of webhooks, pure: which events a webhook wants, how a webhook is made and changed, and what one
// delivery attempt does to its delivery state (the retry schedule, deactivation).
import { randomBytes } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import type { AuditEntry } from '../audit/schemas.js'
import type {
  CreateWebhookBody,
  DeliveryState,
  StoredDelivery,
  StoredWebhook,
  Webhook,
  WebhookChanges,
} from './schemas.js'

/** The event name of an entry: `task.update`, `design_note.supersede`. */
export const eventName = (entry: Pick<AuditEntry, 'entity' | 'action'>) => `${entry.entity}.${entry.action}`

const patternMatches = (pattern: string, entry: Pick<AuditEntry, 'entity' | 'action'>) => {
  if (pattern === '*') return true
  const [entity, action] = pattern.split('.')
  return (entity === '*' || entity === entry.entity) && (action === '*' || action === entry.action)
}

/** Whether any of `events` names the entry's event. */
export const wants = (events: readonly string[], entry: Pick<AuditEntry, 'entity' | 'action'>) =>
  events.some((pattern) => patternMatches(pattern, entry))

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (the Standard Webhooks form). */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`

/** The webhook as the API shows it: never its secret or its delivery state. */
export const publicWebhook = (stored: StoredWebhook): Webhook => ({
  id: stored.id,
  url: stored.url,
  events: stored.events,
  description: stored.description,
  active: stored.active,
  createdAt: stored.createdAt,
})

/**
 * A new webhook at `now`, following the audit chain from `headSeq` on: it is sent the events that commit
 * after it was made, not the history before it.
 */
export const newWebhook = (input: CreateWebhookBody, headSeq: number, now: string): StoredWebhook => ({
  id: uuidv7(),
  url: input.url,
  events: input.events ?? ['*'],
  description: input.description ?? null,
  active: true,
  createdAt: now,
  updatedAt: now,
  secret: newSecret(),
  deliveredThroughSeq: headSeq,
  attempt: 0,
  nextAttemptAt: null,
})

/**
 * A webhook changed by a PATCH. Turning a webhook back on retries its next event at once, from the first
 * attempt: it resumes where it stopped, so nothing committed meanwhile is skipped.
 */
export function changedWebhook(stored: StoredWebhook, changes: WebhookChanges, now: string): StoredWebhook {
  const reactivated = changes.active === true && !stored.active
  return {
    ...stored,
    ...(changes.url === undefined ? {} : { url: changes.url }),
    ...(changes.events === undefined ? {} : { events: changes.events }),
    ...(changes.description === undefined ? {} : { description: changes.description }),
    ...(changes.active === undefined ? {} : { active: changes.active }),
    ...(reactivated ? { attempt: 0, nextAttemptAt: null } : {}),
    updatedAt: now,
  }
}

/** What the receiver did with one attempt. */
export type AttemptResult =
  | { kind: 'delivered'; responseStatus: number }
  | { kind: 'gone'; responseStatus: 410 }
  | { kind: 'failed'; responseStatus: number | null; error: string }

export interface RetryPolicy {
  /** The pause before each retry, in milliseconds: one entry per retry, then the webhook is deactivated. */
  scheduleMs: readonly number[]
  /** Each pause is scaled by a factor in [1 - jitter, 1 + jitter], so receivers are not hit in step. */
  jitter: number
}

/** About 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: retries go on for a little over a day. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
]

/**
 * The delivery state after an attempt of the event at `seq`, and the log row that records it. Success moves
 * the cursor past the event; a failure schedules the next retry, or deactivates the webhook once the schedule
 * is spent; `410 Gone` deactivates it at once. `random` is in [0, 1).
 */
export function afterAttempt(
  webhook: Pick<StoredWebhook, 'id' | 'attempt' | 'deliveredThroughSeq' | 'active'>,
  seq: number,
  result: AttemptResult,
  policy: RetryPolicy,
  nowMs: number,
  random: number,
): { state: DeliveryState; delivery: StoredDelivery } {
  const attempt = webhook.attempt + 1
  const base = {
    id: uuidv7(),
    webhookId: webhook.id,
    eventSeq: seq,
    attempt,
    responseStatus: result.responseStatus,
    at: new Date(nowMs).toISOString(),
  }
  if (result.kind === 'delivered') {
    return {
      state: { deliveredThroughSeq: seq, attempt: 0, nextAttemptAt: null, active: webhook.active },
      delivery: { ...base, status: 'succeeded', error: null, nextAttemptAt: null },
    }
  }
  const pause = result.kind === 'failed' ? policy.scheduleMs[attempt - 1] : undefined
  const error = result.kind === 'gone' ? 'the receiver answered 410 Gone: deactivated' : result.error
  if (pause === undefined) {
    const why = result.kind === 'gone' ? error : `${error}; retries exhausted: deactivated`
    return {
      state: {
        deliveredThroughSeq: webhook.deliveredThroughSeq,
        attempt,
        nextAttemptAt: null,
        active: false,
      },
      delivery: { ...base, status: 'failed', error: why, nextAttemptAt: null },
    }
  }
  const factor = 1 + policy.jitter * (2 * random - 1)
  const nextAttemptAt = new Date(nowMs + Math.round(pause * factor)).toISOString()
  return {
    state: {
      deliveredThroughSeq: webhook.deliveredThroughSeq,
      attempt,
      nextAttemptAt,
      active: webhook.active,
    },
    delivery: { ...base, status: 'failed', error, nextAttemptAt },
  }
}

/** The log row of a manual redelivery: outside the schedule, so it never schedules anything itself. */
export function redelivered(
  webhookId: string,
  seq: number,
  result: AttemptResult,
  nowMs: number,
): StoredDelivery {
  return {
    id: uuidv7(),
    webhookId,
    eventSeq: seq,
    attempt: 1,
    status: result.kind === 'delivered' ? 'succeeded' : 'failed',
    responseStatus: result.responseStatus,
    error:
      result.kind === 'delivered'
        ? null
        : result.kind === 'gone'
          ? 'the receiver answered 410 Gone'
          : result.error,
    at: new Date(nowMs).toISOString(),
    nextAttemptAt: null,
  }
}
