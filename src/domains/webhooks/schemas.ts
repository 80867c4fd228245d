// Webhooks: an admin's subscription of a URL to audit events, and the log of each delivery attempt. The
// subscription itself is operational configuration, not part of the engineering record: it is not audited.
import { type Static, Type } from '@sinclair/typebox'
import { Id, Text, Timestamp } from '../../core/schemas.js'

/**
 * An event pattern: `<entity>.<action>`, either part `*` (`task.*`, `*.delete`), or `*` alone for every
 * event. Entities and actions are the audit trail's (task, bug, status_update, design_note; create, update,
 * delete, supersede).
 */
export const EventPattern = Type.String({
  pattern: '^(\\*|(\\*|task|bug|status_update|design_note)\\.(\\*|create|update|delete|supersede))$',
  description: 'task.*, bug.update, *.delete, or * for every event',
})

export const WebhookUrl = Type.String({
  minLength: 1,
  maxLength: 2000,
  description:
    'An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast ' +
    'addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true)',
})

const Events = Type.Array(EventPattern, { minItems: 1, maxItems: 50, uniqueItems: true })
const Description = Type.Union([Text(500), Type.Null()])

export const Webhook = Type.Object(
  {
    id: Id,
    url: WebhookUrl,
    events: Events,
    description: Description,
    active: Type.Boolean({ description: 'false once deactivated (410, retries exhausted, or PATCH)' }),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
)
export type Webhook = Static<typeof Webhook>

export const WebhookWithSecret = Type.Object(
  {
    ...Webhook.properties,
    secret: Type.String({
      description: 'whsec_ and the base64 of 32 random bytes; shown only when created or rotated',
    }),
  },
  { additionalProperties: false },
)

export const CreateWebhookBody = Type.Object(
  {
    url: WebhookUrl,
    events: Type.Optional(Events),
    description: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
)
export type CreateWebhookBody = Static<typeof CreateWebhookBody>

export const PatchWebhookBody = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    events: Type.Optional(Events),
    active: Type.Optional(Type.Boolean()),
    description: Type.Optional(Description),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type WebhookChanges = Static<typeof PatchWebhookBody>

export const DELIVERY_STATUSES = ['succeeded', 'failed'] as const

export const Delivery = Type.Object(
  {
    id: Id,
    eventSeq: Type.Integer({ minimum: 1, description: 'The seq of the audit entry sent' }),
    attempt: Type.Integer({ minimum: 1, description: '1 for the first try of this event, then 2, 3, …' }),
    status: Type.Unsafe<(typeof DELIVERY_STATUSES)[number]>({ type: 'string', enum: [...DELIVERY_STATUSES] }),
    responseStatus: Type.Union([Type.Integer(), Type.Null()], {
      description: "The receiver's HTTP status; null when no answer came",
    }),
    error: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the attempt failed; null on success',
    }),
    at: Timestamp,
    nextAttemptAt: Type.Union([Timestamp, Type.Null()], {
      description: 'When this event is tried again; null when it is not (success, redelivery, deactivation)',
    }),
  },
  { additionalProperties: false },
)
export type Delivery = Static<typeof Delivery>

/** A delivery as stored: the attempt and the webhook it belongs to. */
export interface StoredDelivery extends Delivery {
  webhookId: string
}

/**
 * Where a webhook is along the audit chain: every entry up to `deliveredThroughSeq` is delivered (or did not
 * match); the next matching one has failed `attempt` times so far and is due at `nextAttemptAt`.
 */
export interface DeliveryState {
  deliveredThroughSeq: number
  attempt: number
  nextAttemptAt: string | null
  active: boolean
}

/** A webhook as stored: its signing secret and its delivery state. */
export interface StoredWebhook extends Webhook, DeliveryState {
  secret: string
  updatedAt: string
}

/**
 * A webhook as a dump carries it (only with --include-secrets): its secret, so deliveries go on being signed
 * with it after a move, and its delivery state, so they resume where they were (never its lease, which
 * belongs to an instance of the old database).
 */
export const DumpedWebhook = Type.Object(
  {
    ...Webhook.properties,
    updatedAt: Timestamp,
    secret: Type.String({
      pattern: '^whsec_[A-Za-z0-9+/]{43}=$',
      description: 'whsec_ and the base64 of 32 bytes',
    }),
    deliveredThroughSeq: Type.Integer({
      minimum: 0,
      description: 'Every audit entry up to this seq was delivered (or not wanted)',
    }),
    attempt: Type.Integer({ minimum: 0, description: 'Failed attempts at the next wanted entry so far' }),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  },
  { additionalProperties: false },
)
