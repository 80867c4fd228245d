// The webhooks plugin: starts this server's delivery worker once the app is ready and stops it (cutting
// in-flight attempts short and giving up its leases) before the repositories close. A write answered by this
// process wakes the worker at once; writes made by other processes are found by its poll.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { WebhookConfig } from '../config.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import { redelivered } from '../domains/webhooks/rules.js'
import type { StoredDelivery, StoredWebhook } from '../domains/webhooks/schemas.js'
import { checkWebhookUrl } from './address.js'
import { send } from './sender.js'
import { createWebhookWorker } from './worker.js'

export interface WebhookService {
  /** Refuses (422 URL_NOT_ALLOWED) a URL the worker must not send to. */
  checkUrl(url: string): Promise<void>
  /** Sends `entry` again to the webhook now, outside its schedule, and logs the attempt. */
  redeliver(webhook: StoredWebhook, entry: AuditEntry): Promise<StoredDelivery>
}

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: WebhookService
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export default fp(
  async (app: FastifyInstance, config: WebhookConfig) => {
    const repo = app.repos.webhooks
    const worker = createWebhookWorker({ repo, config, log: app.log, owner: randomUUID() })
    const sendOptions = { timeoutMs: config.timeoutMs, allowPrivate: config.allowPrivate }
    app.decorate('webhooks', {
      checkUrl: (url) => checkWebhookUrl(url, config.allowPrivate),
      async redeliver(webhook, entry) {
        const result = await send(webhook.url, webhook.secret, entry, sendOptions)
        const delivery = redelivered(webhook.id, entry.seq, result, Date.now())
        await repo.logDelivery(delivery)
        return delivery
      },
    } satisfies WebhookService)
    // A callback hook: an async one cost every answer, reads too, a promise and its microtask turns.
    app.addHook('onResponse', (request, reply, done) => {
      if (WRITE_METHODS.has(request.method) && reply.statusCode < 300) {
        if (request.routeOptions.url?.startsWith('/webhooks')) worker.refresh()
        else worker.wake()
      }
      done()
    })
    app.addHook('onReady', async () => worker.start())
    app.addHook('preClose', () => worker.stop())
  },
  { name: 'webhooks', dependencies: ['persistence'] },
)
