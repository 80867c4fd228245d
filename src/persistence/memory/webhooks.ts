// Webhooks in maps, for one process: the lease is kept like the SQL backends keep it, though only this
// process's worker ever asks for it. Nothing survives a restart.
import type { StoredDelivery, StoredWebhook } from '../../domains/webhooks/schemas.js'
import type { WebhookRepository } from '../contract.js'
import type { AuditLog } from './apply.js'

export interface MemoryWebhooks {
  webhooks: Map<string, StoredWebhook>
  deliveries: StoredDelivery[]
  leases: Map<string, { owner: string; untilMs: number }>
}

export const emptyWebhooks = (): MemoryWebhooks => ({
  webhooks: new Map(),
  deliveries: [],
  leases: new Map(),
})

const copy = (webhook: StoredWebhook): StoredWebhook => ({ ...webhook, events: [...webhook.events] })

export function createMemoryWebhooks(
  store: MemoryWebhooks,
  auditLog: AuditLog,
  now: () => string,
): WebhookRepository {
  const { webhooks, leases } = store
  const holds = (id: string, owner: string) => leases.get(id)?.owner === owner
  return {
    async create(make) {
      const webhook = make(auditLog.entries().at(-1)?.seq ?? 0, now())
      webhooks.set(webhook.id, copy(webhook))
      return copy(webhook)
    },
    async get(id) {
      const webhook = webhooks.get(id)
      return webhook && copy(webhook)
    },
    async list() {
      return [...webhooks.values()].map(copy)
    },
    async update(id, change) {
      const stored = webhooks.get(id)
      if (stored === undefined) return undefined
      const changed = change(copy(stored), now())
      webhooks.set(id, copy(changed))
      return copy(changed)
    },
    async delete(id) {
      store.deliveries = store.deliveries.filter((delivery) => delivery.webhookId !== id)
      leases.delete(id)
      return webhooks.delete(id)
    },
    async lease(id, owner, nowMs, untilMs) {
      const lease = leases.get(id)
      if (!webhooks.get(id)?.active) return false
      if (lease !== undefined && lease.owner !== owner && lease.untilMs >= nowMs) return false
      leases.set(id, { owner, untilMs })
      return true
    },
    async release(id, owner) {
      if (holds(id, owner)) leases.delete(id)
    },
    async entriesAfter(seq, limit) {
      const entries = auditLog.entries()
      // Seqs are contiguous from 1, so the entry after `seq` sits at index `seq` (unless pruned before it).
      const first = entries[0]?.seq ?? 1
      const start = Math.max(0, seq + 1 - first)
      return entries.slice(start, start + limit)
    },
    async entryAt(seq) {
      return auditLog.entries().find((entry) => entry.seq === seq)
    },
    async settle(id, owner, state, delivery) {
      const stored = webhooks.get(id)
      if (stored === undefined || !holds(id, owner)) return undefined
      const settled = { ...stored, ...state, active: stored.active && state.active }
      webhooks.set(id, settled)
      if (delivery) store.deliveries.push({ ...delivery })
      return copy(settled)
    },
    async logDelivery(delivery) {
      store.deliveries.push({ ...delivery })
    },
    async deliveries(webhookId, limit, before) {
      // Delivery ids are UUIDv7, so their order is the order they were made in.
      return store.deliveries
        .filter(
          (delivery) => delivery.webhookId === webhookId && (before === undefined || delivery.id < before),
        )
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, limit)
        .map((delivery) => ({ ...delivery }))
    },
    async delivery(webhookId, deliveryId) {
      const found = store.deliveries.find((d) => d.id === deliveryId && d.webhookId === webhookId)
      return found && { ...found }
    },
  }
}
