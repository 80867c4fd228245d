// Settles of several webhooks asked for at once, as when two receivers answer in the same turn (the SQLite
// repository then commits them in one transaction): each writes its state and its log row only while its own
// lease is held, and one whose lease was lost neither writes nor holds back the others. A settle that turns the
// webhook off follows the same rule (on PostgreSQL it is its own statement). A settle returns the webhook as it
// left it, which the worker sends the next event by.
import t from 'tap'
import { type AttemptResult, afterAttempt, newWebhook } from '../../src/domains/webhooks/rules.js'
import type { StoredWebhook } from '../../src/domains/webhooks/schemas.js'
import { backends } from '../backends/index.js'

const POLICY = { scheduleMs: [1000], jitter: 0 }
/** The state and log entry of an attempt at the webhook's next event that ended in `result`. */
const attemptAt = (hook: StoredWebhook, result: AttemptResult, nowMs: number) =>
  afterAttempt(hook, hook.deliveredThroughSeq + 1, result, POLICY, nowMs, 0)

for (const backend of backends) {
  t.test(`${backend.name}: settles asked for at once each follow their own lease`, async (t) => {
    const { webhooks } = await backend.open(t)
    const make = () =>
      webhooks.create((headSeq, now) => newWebhook({ url: 'https://example.com/hook' }, headSeq, now))
    const kept = await make()
    const lost = await make()
    const failing = await make()
    const nowMs = Date.now()
    t.ok(await webhooks.lease(kept.id, 'worker-a', nowMs, nowMs + 60_000))
    t.ok(await webhooks.lease(lost.id, 'worker-b', nowMs, nowMs + 60_000))
    t.ok(await webhooks.lease(failing.id, 'worker-a', nowMs, nowMs + 60_000))
    const attempt = (hook: StoredWebhook, kind: 'delivered' | 'failed') =>
      attemptAt(
        hook,
        kind === 'delivered'
          ? { kind, responseStatus: 204 }
          : { kind, responseStatus: 500, error: 'the receiver answered 500' },
        nowMs,
      )
    const settles = [attempt(kept, 'delivered'), attempt(lost, 'delivered'), attempt(failing, 'failed')]

    const results = await Promise.all([
      webhooks.settle(kept.id, 'worker-a', settles[0]!.state, settles[0]!.delivery),
      // worker-a does not hold this one's lease: worker-b does.
      webhooks.settle(lost.id, 'worker-a', settles[1]!.state, settles[1]!.delivery),
      webhooks.settle(failing.id, 'worker-a', settles[2]!.state, settles[2]!.delivery),
    ])

    t.same(
      results,
      [await webhooks.get(kept.id), undefined, await webhooks.get(failing.id)],
      'each settle returns its webhook as it left it, or nothing without the lease',
    )
    t.equal((await webhooks.get(kept.id))?.deliveredThroughSeq, kept.deliveredThroughSeq + 1)
    t.same(
      (await webhooks.deliveries(kept.id, 10)).map((delivery) => delivery.id),
      [settles[0]!.delivery.id],
    )
    t.same(await webhooks.get(lost.id), lost, 'the settle without the lease wrote nothing')
    t.same(await webhooks.deliveries(lost.id, 10), [])
    const retried = await webhooks.get(failing.id)
    t.equal(retried?.deliveredThroughSeq, failing.deliveredThroughSeq, 'a failure does not move the cursor')
    t.equal(retried?.attempt, 1)
    t.same(
      (await webhooks.deliveries(failing.id, 10)).map((delivery) => delivery.status),
      ['failed'],
    )
  })
}

for (const backend of backends) {
  t.test(`${backend.name}: a settle that turns the webhook off needs the lease, and logs once`, async (t) => {
    const { webhooks } = await backend.open(t)
    const hook = await webhooks.create((headSeq, now) =>
      newWebhook({ url: 'https://example.com/hook' }, headSeq, now),
    )
    const nowMs = Date.now()
    t.ok(await webhooks.lease(hook.id, 'worker-a', nowMs, nowMs + 60_000))
    const gone = attemptAt(hook, { kind: 'gone', responseStatus: 410 }, nowMs)
    t.equal(gone.state.active, false)

    t.notOk(await webhooks.settle(hook.id, 'worker-b', gone.state, gone.delivery), 'not the lease holder')
    t.same(await webhooks.get(hook.id), hook, 'nothing written without the lease')
    t.same(await webhooks.deliveries(hook.id, 10), [])

    t.ok(await webhooks.settle(hook.id, 'worker-a', gone.state, gone.delivery))
    t.equal((await webhooks.get(hook.id))?.active, false, 'turned off')
    t.same(
      (await webhooks.deliveries(hook.id, 10)).map((delivery) => [delivery.id, delivery.status]),
      [[gone.delivery.id, gone.delivery.status]],
      'its one log entry',
    )
  })
}

for (const backend of backends) {
  t.test(`${backend.name}: a settle returns the webhook with a change committed before it`, async (t) => {
    const { webhooks } = await backend.open(t)
    const hook = await webhooks.create((headSeq, now) =>
      newWebhook({ url: 'https://example.com/hook' }, headSeq, now),
    )
    const nowMs = Date.now()
    t.ok(await webhooks.lease(hook.id, 'worker-a', nowMs, nowMs + 60_000))
    // An admin's PATCH while the event was out: the settle must not hand the worker the webhook from before it.
    await webhooks.update(hook.id, (stored, now) => ({
      ...stored,
      url: 'https://example.com/moved',
      updatedAt: now,
    }))
    const delivered = attemptAt(hook, { kind: 'delivered', responseStatus: 204 }, nowMs)

    const settled = await webhooks.settle(hook.id, 'worker-a', delivered.state, delivered.delivery)

    t.same(settled, await webhooks.get(hook.id), 'what a read after it finds')
    t.equal(settled?.url, 'https://example.com/moved', 'the change made before the settle')
    t.equal(settled?.deliveredThroughSeq, hook.deliveredThroughSeq + 1, 'the cursor it moved')
  })
}
