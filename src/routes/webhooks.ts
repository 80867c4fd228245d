// /webhooks: an admin's subscriptions of URLs to audit events, their secrets and their delivery logs. Every
// route needs the admin role. Webhooks are configuration, not part of the record: their changes write no
// audit entry (like API tokens), and the secret is answered only by create and rotate-secret.
import { Type } from '@sinclair/typebox'
import { notFound, validationFailed } from '../core/errors.js'
import { Id } from '../core/schemas.js'
import { changedWebhook, newSecret, newWebhook, publicWebhook } from '../domains/webhooks/rules.js'
import {
  CreateWebhookBody,
  Delivery,
  PatchWebhookBody,
  type StoredDelivery,
  Webhook,
  WebhookWithSecret,
} from '../domains/webhooks/schemas.js'
import { operation, resource, resourcePlugin, routeOptions } from '../http/resource.js'
import { IdParams, NoContent, problems } from '../http/schemas.js'

const webhookResource = resource({ path: '/webhooks', noun: 'Webhook', entity: Webhook })
/** A webhook route's options: every one needs the admin role. */
const adminRoute = <S>(operationId: string, summary: string, schema: S) =>
  routeOptions(operation(webhookResource, operationId, { summary, access: 'admin' }), schema)
const DeliveryParams = Type.Object({ id: Id, deliveryId: Id }, { additionalProperties: false })
const DeliveriesQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Opaque; from nextCursor' }),
    ),
  },
  { additionalProperties: false },
)
const DeliveryPage = Type.Object({
  items: Type.Array(Delivery),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
})

const publicDelivery = ({ webhookId: _, ...delivery }: StoredDelivery): Delivery => delivery

/** The cursor of a delivery page: the last delivery's id, opaque to clients. */
const deliveryCursor = (id: string) => Buffer.from(id).toString('base64url')
function deliveryBefore(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
    throw validationFailed('The cursor is malformed; pass nextCursor from a previous page unchanged', [
      { path: '/querystring/cursor', message: 'is malformed' },
    ])
  return id
}

export default resourcePlugin('webhooks', async (app) => {
  const repo = app.repos.webhooks
  const found = async (id: string) => {
    const webhook = await repo.get(id)
    if (webhook === undefined) throw notFound('Webhook', id)
    return webhook
  }

  app.post(
    '/',
    adminRoute('createWebhook', 'Create a webhook; the answer holds its signing secret, shown only now', {
      body: CreateWebhookBody,
      response: { 201: WebhookWithSecret, ...problems(400, 413, 415, 422, 500, 503) },
    }),
    async (request, reply) => {
      await app.webhooks.checkUrl(request.body.url)
      const created = await repo.create((headSeq, now) => newWebhook(request.body, headSeq, now))
      reply.code(201).header('location', `/webhooks/${created.id}`)
      return { ...publicWebhook(created), secret: created.secret }
    },
  )

  app.get(
    '/',
    adminRoute('listWebhooks', 'List webhooks, oldest first', {
      response: { 200: Type.Object({ items: Type.Array(Webhook) }), ...problems(500, 503) },
    }),
    async () => ({ items: (await repo.list()).map(publicWebhook) }),
  )

  app.get(
    '/:id',
    adminRoute('getWebhook', 'Get a webhook', {
      params: IdParams,
      response: { 200: Webhook, ...problems(400, 404, 500, 503) },
    }),
    async (request) => publicWebhook(await found(request.params.id)),
  )

  app.patch(
    '/:id',
    adminRoute('updateWebhook', 'Change a webhook; `active: true` resumes delivery where it stopped', {
      params: IdParams,
      body: PatchWebhookBody,
      response: { 200: Webhook, ...problems(400, 404, 413, 415, 422, 500, 503) },
    }),
    async (request) => {
      if (request.body.url !== undefined) await app.webhooks.checkUrl(request.body.url)
      const updated = await repo.update(request.params.id, (stored, now) =>
        changedWebhook(stored, request.body, now),
      )
      if (updated === undefined) throw notFound('Webhook', request.params.id)
      return publicWebhook(updated)
    },
  )

  app.delete(
    '/:id',
    adminRoute('deleteWebhook', 'Delete a webhook and its delivery log', {
      params: IdParams,
      response: { 204: NoContent, ...problems(400, 404, 500, 503) },
    }),
    async (request, reply) => {
      if (!(await repo.delete(request.params.id))) throw notFound('Webhook', request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/:id/rotate-secret',
    adminRoute(
      'rotateWebhookSecret',
      'Replace the signing secret; the answer holds the new one, shown only now',
      {
        params: IdParams,
        response: { 200: WebhookWithSecret, ...problems(400, 404, 500, 503) },
      },
    ),
    async (request) => {
      const rotated = await repo.update(request.params.id, (stored, now) => ({
        ...stored,
        secret: newSecret(),
        updatedAt: now,
      }))
      if (rotated === undefined) throw notFound('Webhook', request.params.id)
      return { ...publicWebhook(rotated), secret: rotated.secret }
    },
  )

  app.get(
    '/:id/deliveries',
    adminRoute('listWebhookDeliveries', "List a webhook's delivery attempts, newest first", {
      params: IdParams,
      querystring: DeliveriesQuery,
      response: { 200: DeliveryPage, ...problems(400, 404, 500, 503) },
    }),
    async (request) => {
      await found(request.params.id)
      const { limit, cursor } = request.query
      const rows = await repo.deliveries(request.params.id, limit + 1, deliveryBefore(cursor))
      const items = rows.slice(0, limit).map(publicDelivery)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > limit && last ? deliveryCursor(last.id) : null }
    },
  )

  app.post(
    '/:id/deliveries/:deliveryId/redeliver',
    adminRoute(
      'redeliverWebhookDelivery',
      "Send a delivery's event again now, outside the schedule; answers the new attempt",
      {
        params: DeliveryParams,
        response: { 201: Delivery, ...problems(400, 404, 500, 503) },
      },
    ),
    async (request, reply) => {
      const webhook = await found(request.params.id)
      const delivery = await repo.delivery(webhook.id, request.params.deliveryId)
      if (delivery === undefined) throw notFound('Delivery', request.params.deliveryId)
      const entry = await repo.entryAt(delivery.eventSeq)
      if (entry === undefined) throw notFound('Audit entry with seq', String(delivery.eventSeq))
      const attempt = await app.webhooks.redeliver(webhook, entry)
      reply.code(201)
      return publicDelivery(attempt)
    },
  )
})
