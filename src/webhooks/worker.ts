// The delivery worker, one per server. Each webhook follows the audit chain from its cursor: the worker takes
// the webhook's lease (so one worker in all the instances delivers it at a time), sends the first entry after
// the cursor that the webhook wants, and moves the cursor past it only once the receiver answered 2xx. Every
// step is in the database, so a crash at any point loses nothing: the next worker to take the lease sends the
// event again (at least once). A failing event holds back the later ones of that webhook (in order), while the
// other webhooks carry on.
import type { FastifyBaseLogger } from 'fastify'
import type { WebhookConfig } from '../config.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import { afterAttempt, type RetryPolicy, wants } from '../domains/webhooks/rules.js'
import type { StoredWebhook } from '../domains/webhooks/schemas.js'
import type { WebhookRepository } from '../persistence/contract.js'
import { STOPPED, send } from './sender.js'

/** Entries read per step: a webhook that wants few events skips the others by the page. */
const BATCH = 200
/** Pauses never reach past what a timer can hold (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface WebhookWorker {
  start(): void
  /** Something was committed in this process: look now rather than at the next poll. */
  wake(): void
  /** A webhook was created or changed in this process: read the webhooks again now. */
  refresh(): void
  /** Stops taking work, cuts in-flight attempts short (not recorded: they are sent again) and gives up leases. */
  stop(): Promise<void>
}

export interface WorkerDeps {
  repo: WebhookRepository
  config: WebhookConfig
  log: FastifyBaseLogger
  /** Names this worker in leases; unique per process. */
  owner: string
  random?: () => number
}

export function createWebhookWorker({
  repo,
  config,
  log,
  owner,
  random = Math.random,
}: WorkerDeps): WebhookWorker {
  const policy: RetryPolicy = { scheduleMs: config.retryScheduleMs, jitter: 0.1 }
  const running = new Map<string, Promise<void>>()
  const stopping = new AbortController()
  const timers = new Set<NodeJS.Timeout>()
  let poll: NodeJS.Timeout | undefined
  let ticking = false
  let tickAgain = false
  /** The active webhooks as last read (undefined before the first read). */
  let activeIds: string[] | undefined
  /** A wake came while every active webhook was being delivered: look again when one of them stops. */
  let wokenWhileBusy = false

  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        work()
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    )
    timer.unref()
    timers.add(timer)
  }

  const isDue = (webhook: StoredWebhook, nowMs: number) =>
    webhook.nextAttemptAt === null || Date.parse(webhook.nextAttemptAt) <= nowMs

  /**
   * Delivers one webhook for as long as it has due events and this worker holds its lease. Each event is sent
   * by the webhook as the previous event's settle returned it (a PATCH, a rotated secret or a deactivation
   * committed before that settle applies from the next event), the page of entries is read once and used up,
   * and the lease is renewed only when it gets old: per event that leaves the settle alone, whose owner check
   * stops a worker whose lease was taken over.
   */
  async function deliver(id: string): Promise<void> {
    // The attempt and its bookkeeping must end inside the lease, or another worker could send it too: a lease
    // older than this is renewed before the webhook is read and again before sending.
    const renewAfterMs = (config.leaseMs - config.timeoutMs) / 2
    let leasedAt = Number.NEGATIVE_INFINITY
    const holdLease = async () => {
      const nowMs = Date.now()
      if (nowMs - leasedAt <= renewAfterMs) return true
      if (!(await repo.lease(id, owner, nowMs, nowMs + config.leaseMs))) return false
      leasedAt = nowMs
      return true
    }
    let page: AuditEntry[] = []
    let lastSettled: StoredWebhook | undefined
    while (!stopping.signal.aborted) {
      if (!(await holdLease())) return
      const webhook = lastSettled ?? (await repo.get(id))
      if (webhook === undefined || !webhook.active) return
      const nowMs = Date.now()
      if (!isDue(webhook, nowMs)) {
        await repo.release(id, owner)
        later(Date.parse(webhook.nextAttemptAt as string) - nowMs, wake)
        return
      }
      const cursor = webhook.deliveredThroughSeq
      // The page holds consecutive seqs; what is left of it after the cursor is still the trail after it.
      page = page.filter((entry) => entry.seq > cursor)
      if (page[0]?.seq !== cursor + 1) page = await repo.entriesAfter(cursor, BATCH)
      const last = page.at(-1)
      if (last === undefined) {
        await repo.release(id, owner)
        return
      }
      const next = page.find((entry) => wants(webhook.events, entry))
      if (next === undefined) {
        // Nothing it wants in this page: the cursor moves past the page, retry state untouched.
        lastSettled = await repo.settle(id, owner, { ...webhook, deliveredThroughSeq: last.seq })
        if (lastSettled === undefined) return
        continue
      }
      if (!(await holdLease())) return
      const result = await send(webhook.url, webhook.secret, next, {
        timeoutMs: config.timeoutMs,
        allowPrivate: config.allowPrivate,
        signal: stopping.signal,
      })
      if (result.kind === 'failed' && result.error === STOPPED) return
      // Entries it does not want before `next` are passed over with it, or on its success.
      const settled = afterAttempt(
        { ...webhook, deliveredThroughSeq: Math.max(webhook.deliveredThroughSeq, next.seq - 1) },
        next.seq,
        result,
        policy,
        Date.now(),
        random(),
      )
      lastSettled = await repo.settle(id, owner, settled.state, settled.delivery)
      if (lastSettled === undefined) return
      if (!settled.state.active)
        log.warn({ webhookId: id, error: settled.delivery.error }, 'webhook deactivated')
      if (result.kind !== 'delivered') {
        await repo.release(id, owner)
        if (settled.state.nextAttemptAt !== null)
          later(Date.parse(settled.state.nextAttemptAt) - Date.now(), wake)
        return
      }
    }
  }

  function run(id: string) {
    const work = deliver(id)
      .catch((err) => log.error({ err, webhookId: id }, 'webhook delivery failed'))
      .finally(() => {
        running.delete(id)
        // It may have read its last page just before the commit that woke the worker.
        if (wokenWhileBusy) {
          wokenWhileBusy = false
          wake()
        }
      })
    running.set(id, work)
  }

  async function tick() {
    if (stopping.signal.aborted) return
    if (ticking) {
      tickAgain = true
      return
    }
    ticking = true
    try {
      const nowMs = Date.now()
      const webhooks = await repo.list()
      activeIds = webhooks.filter((webhook) => webhook.active).map((webhook) => webhook.id)
      for (const webhook of webhooks)
        if (webhook.active && isDue(webhook, nowMs) && !running.has(webhook.id)) run(webhook.id)
    } catch (err) {
      log.error({ err }, 'cannot read the webhooks')
    } finally {
      ticking = false
    }
    if (tickAgain) {
      tickAgain = false
      void tick()
    }
  }

  let wakeQueued = false
  function wake() {
    if (activeIds?.length === 0 || wakeQueued || stopping.signal.aborted) return
    // A webhook being delivered reads on until it finds nothing new, so under a steady stream of writes
    // there is nothing to start, and reading the webhooks again after every commit would learn nothing.
    if (activeIds?.every((id) => running.has(id))) {
      wokenWhileBusy = true
      return
    }
    refresh()
  }

  function refresh() {
    if (wakeQueued || stopping.signal.aborted) return
    wakeQueued = true
    setImmediate(() => {
      wakeQueued = false
      void tick()
    })
  }

  return {
    start() {
      poll = setInterval(() => void tick(), config.pollMs)
      poll.unref()
      void tick()
    },
    wake,
    refresh,
    async stop() {
      stopping.abort()
      clearInterval(poll)
      for (const timer of timers) clearTimeout(timer)
      const ids = [...running.keys()]
      await Promise.allSettled(running.values())
      // Whoever comes next need not wait for the leases to run out.
      await Promise.allSettled(ids.map((id) => repo.release(id, owner)))
    },
  }
}
