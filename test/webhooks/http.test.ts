// Webhooks over HTTP on every backend, delivering to a real receiver on 127.0.0.1 (so with
// WEBHOOK_ALLOW_PRIVATE=true): the admin routes, signatures checked with the `standardwebhooks` package, order,
// retries on a short schedule, 410, redelivery, and the URL rules.
import t, { type Test } from 'tap'
import { backends, type TestBackend } from '../backends/index.js'
import { eventually } from '../eventually.js'
import { UNKNOWN_ID } from '../fixtures.js'
import { build } from '../helper.js'
import { FAST_DELIVERY, startReceiver } from './receiver.js'

const FAST = FAST_DELIVERY

async function setUp(t: Test, backend: TestBackend, env: Record<string, string> = FAST) {
  const app = await build(t, backend, { env })
  const receiver = await startReceiver(t)
  return { app, receiver }
}

const createTask = (app: Awaited<ReturnType<typeof build>>, title: string) =>
  app.inject({ method: 'POST', url: '/tasks', payload: { title } })

for (const backend of backends) {
  t.test(`${backend.name}: webhooks`, async (t) => {
    t.test(
      'create, read, change, rotate and delete; the secret shows only at create and rotate',
      async (t) => {
        const { app, receiver } = await setUp(t, backend)
        const created = await app.inject({
          method: 'POST',
          url: '/webhooks',
          payload: { url: receiver.url, events: ['task.*'], description: 'ci' },
        })
        t.equal(created.statusCode, 201)
        const hook = created.json()
        t.match(hook, { url: receiver.url, events: ['task.*'], description: 'ci', active: true })
        t.match(hook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
        t.equal(Buffer.from(hook.secret.slice(6), 'base64').length, 32)
        t.equal(created.headers.location, `/webhooks/${hook.id}`)

        const { secret, ...shown } = hook
        t.same((await app.inject({ method: 'GET', url: `/webhooks/${hook.id}` })).json(), shown)
        t.same((await app.inject({ method: 'GET', url: '/webhooks' })).json(), { items: [shown] })

        const patched = await app.inject({
          method: 'PATCH',
          url: `/webhooks/${hook.id}`,
          payload: { events: ['bug.update', '*.delete'], active: false, description: null },
        })
        t.equal(patched.statusCode, 200)
        t.match(patched.json(), { events: ['bug.update', '*.delete'], active: false, description: null })
        t.notOk('secret' in patched.json())

        const rotated = await app.inject({ method: 'POST', url: `/webhooks/${hook.id}/rotate-secret` })
        t.equal(rotated.statusCode, 200)
        t.not(rotated.json().secret, secret)
        t.match(rotated.json().secret, /^whsec_/)

        t.equal((await app.inject({ method: 'DELETE', url: `/webhooks/${hook.id}` })).statusCode, 204)
        t.equal((await app.inject({ method: 'GET', url: `/webhooks/${hook.id}` })).statusCode, 404)
        t.equal((await app.inject({ method: 'DELETE', url: `/webhooks/${hook.id}` })).statusCode, 404)
        t.equal(
          (await app.inject({ method: 'PATCH', url: `/webhooks/${UNKNOWN_ID}`, payload: { active: true } }))
            .statusCode,
          404,
        )
        t.equal(
          (await app.inject({ method: 'POST', url: `/webhooks/${UNKNOWN_ID}/rotate-secret` })).statusCode,
          404,
        )
        t.equal(
          (await app.inject({ method: 'GET', url: `/webhooks/${UNKNOWN_ID}/deliveries` })).statusCode,
          404,
        )
      },
    )

    t.test('bodies are checked: unknown fields, bad patterns, empty PATCH, bad URLs', async (t) => {
      const { app, receiver } = await setUp(t, backend)
      const post = (payload: unknown) =>
        app.inject({ method: 'POST', url: '/webhooks', payload: payload as object })
      t.equal((await post({ url: receiver.url, extra: 1 })).statusCode, 400)
      t.equal((await post({ url: receiver.url, events: ['task.explode'] })).statusCode, 400)
      t.equal((await post({ url: receiver.url, events: [] })).statusCode, 400)
      t.equal((await post({ url: 'not a url' })).statusCode, 400)
      const ftp = await post({ url: 'ftp://example.com/hook' })
      t.equal(ftp.statusCode, 422)
      t.equal(ftp.json().code, 'URL_NOT_ALLOWED')
      const hook = (await post({ url: receiver.url })).json()
      t.same(hook.events, ['*'], 'every event by default')
      const empty = await app.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: {} })
      t.equal(empty.statusCode, 400)
    })

    t.test('private and loopback URLs are refused without WEBHOOK_ALLOW_PRIVATE', async (t) => {
      const app = await build(t, backend)
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost/hook',
        'http://10.1.2.3/',
        'http://192.168.0.1/',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://[fe80::1]/',
        'http://224.0.0.1/',
        'http://[fd00::1]/',
        'https://0.0.0.0/',
      ]) {
        const res = await app.inject({ method: 'POST', url: '/webhooks', payload: { url } })
        t.equal(res.statusCode, 422, url)
        t.equal(res.json().code, 'URL_NOT_ALLOWED', url)
      }
      const hook = await app.inject({
        method: 'POST',
        url: '/webhooks',
        payload: { url: 'https://93.184.215.14/hook' },
      })
      t.equal(hook.statusCode, 201, 'a public address is accepted')
      const moved = await app.inject({
        method: 'PATCH',
        url: `/webhooks/${hook.json().id}`,
        payload: { url: 'http://127.0.0.1/' },
      })
      t.equal(moved.statusCode, 422, 'and a PATCH to a private one is refused')
    })

    t.test('every event once, in order, signed; only the events it wants', async (t) => {
      const { app, receiver } = await setUp(t, backend)
      await createTask(app, 'before the webhook')
      const all = (
        await app.inject({ method: 'POST', url: '/webhooks', payload: { url: receiver.url } })
      ).json()
      receiver.secret = all.secret
      const tasks = []
      for (let i = 0; i < 20; i++) tasks.push((await createTask(app, `task ${i}`)).json())
      await app.inject({ method: 'POST', url: '/status-updates', payload: { message: 'hello' } })
      await receiver.until(() => receiver.accepted().length === 21, '21 deliveries')
      const seqs = receiver.requests.map((r) => r.seq)
      t.same(
        seqs,
        Array.from({ length: 21 }, (_, i) => i + 2),
        'each event once, in seq order, none from before',
      )
      t.ok(
        receiver.requests.every((r) => r.verified === true),
        'every signature verifies',
      )
      t.equal(
        receiver.requests[0]?.headers['webhook-id'],
        receiver.requests[0]?.entry.id,
        'webhook-id is the entry id',
      )
      t.match(receiver.requests[0]?.entry, { entity: 'task', action: 'create', entityId: tasks[0].id })

      const deliveriesOf = () => app.inject({ method: 'GET', url: `/webhooks/${all.id}/deliveries?limit=5` })
      await eventually(
        async () => (await deliveriesOf()).json().items[0]?.eventSeq === 22,
        'the last delivery logged',
      )
      const deliveries = await deliveriesOf()
      t.equal(deliveries.statusCode, 200)
      const page = deliveries.json()
      t.same(
        page.items.map((d: { eventSeq: number }) => d.eventSeq),
        [22, 21, 20, 19, 18],
        'newest first',
      )
      t.match(page.items[0], {
        attempt: 1,
        status: 'succeeded',
        responseStatus: 200,
        error: null,
        nextAttemptAt: null,
      })
      const next = await app.inject({
        method: 'GET',
        url: `/webhooks/${all.id}/deliveries?limit=5&cursor=${page.nextCursor}`,
      })
      t.same(
        next.json().items.map((d: { eventSeq: number }) => d.eventSeq),
        [17, 16, 15, 14, 13],
      )
      const forged = await app.inject({ method: 'GET', url: `/webhooks/${all.id}/deliveries?cursor=abc` })
      t.equal(forged.statusCode, 400)
    })

    t.test('writes through the server start delivery without waiting for the poll', async (t) => {
      // A poll far beyond the waits below: every delivery here is started by the write that made the event.
      const { app, receiver } = await setUp(t, backend, { ...FAST, WEBHOOK_POLL_MS: '60000' })
      const patience = 10_000
      const created = await app.inject({
        method: 'POST',
        url: '/webhooks',
        payload: { url: receiver.url, events: ['task.*'] },
      })
      const hook = created.json()
      await createTask(app, 'first')
      await receiver.until(() => receiver.accepted().length === 1, 'the first event', patience)

      // A burst: commits that land while the webhook is being delivered are found by that same run.
      await Promise.all(Array.from({ length: 20 }, (_, n) => createTask(app, `burst ${n}`)))
      await receiver.until(() => receiver.accepted().length === 21, 'the burst', patience)

      await app.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: { active: false } })
      await createTask(app, 'while off')
      await app.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: { active: true } })
      await receiver.until(() => receiver.accepted().length === 22, 'the event after reactivation', patience)
      const seqs = receiver.accepted().map((received) => received.seq)
      t.same(
        seqs,
        [...seqs].sort((a, b) => a - b),
        'in seq order',
      )
      t.equal(new Set(seqs).size, 22, 'each once')
    })

    t.test('a webhook gets only the events its patterns name', async (t) => {
      const { app, receiver } = await setUp(t, backend)
      await app.inject({
        method: 'POST',
        url: '/webhooks',
        payload: { url: receiver.url, events: ['bug.*', 'task.update'] },
      })
      const task = (await createTask(app, 'one')).json()
      await app.inject({
        method: 'PATCH',
        url: `/tasks/${task.id}`,
        headers: { 'if-match': '"1"' },
        payload: { title: 'two' },
      })
      await app.inject({ method: 'POST', url: '/bugs', payload: { title: 'b', severity: 'low' } })
      await receiver.until(() => receiver.requests.length === 2, '2 deliveries')
      t.same(
        receiver.requests.map((r) => `${r.entry.entity}.${r.entry.action}`),
        ['task.update', 'bug.create'],
      )
    })

    t.test('a failing receiver is retried, later events wait, and order holds', async (t) => {
      const { app, receiver } = await setUp(t, backend, {
        ...FAST,
        WEBHOOK_RETRY_SCHEDULE_MS: '20,20,20,20,20,20',
      })
      let failures = 3
      receiver.answer = () => (failures-- > 0 ? 500 : 200)
      const hook = (
        await app.inject({ method: 'POST', url: '/webhooks', payload: { url: receiver.url } })
      ).json()
      for (let i = 0; i < 3; i++) await createTask(app, `t${i}`)
      await receiver.until(() => receiver.accepted().length === 3, '3 accepted')
      const logOf = async () =>
        (await app.inject({ method: 'GET', url: `/webhooks/${hook.id}/deliveries` })).json().items
      await eventually(async () => (await logOf()).length === 6, 'six attempts logged')
      t.same(
        receiver.requests.map((r) => [r.seq, r.status]),
        [
          [1, 500],
          [1, 500],
          [1, 500],
          [1, 200],
          [2, 200],
          [3, 200],
        ],
      )
      const log = (await app.inject({ method: 'GET', url: `/webhooks/${hook.id}/deliveries` })).json().items
      t.match(log.at(-1), {
        eventSeq: 1,
        attempt: 1,
        status: 'failed',
        responseStatus: 500,
        error: 'the receiver answered 500',
      })
      t.ok(log.at(-1).nextAttemptAt, 'a failure says when it is tried again')
      t.match(log.at(-4), { eventSeq: 1, attempt: 4, status: 'succeeded' })
    })

    t.test(
      'retries exhausted or a 410 deactivate the webhook; PATCH active resumes where it stopped',
      async (t) => {
        const { app, receiver } = await setUp(t, backend)
        receiver.answer = () => 503
        const hook = (
          await app.inject({ method: 'POST', url: '/webhooks', payload: { url: receiver.url } })
        ).json()
        await createTask(app, 'never delivered')
        await receiver.until(() => receiver.requests.length === 4, '1 try + 3 retries')
        const get = async () => (await app.inject({ method: 'GET', url: `/webhooks/${hook.id}` })).json()
        await eventually(async () => !(await get()).active, 'deactivation')
        t.equal((await get()).active, false, 'deactivated after the schedule is spent')
        const [last] = (
          await app.inject({ method: 'GET', url: `/webhooks/${hook.id}/deliveries?limit=1` })
        ).json().items
        t.match(last, { attempt: 4, status: 'failed', nextAttemptAt: null, error: /retries exhausted/ })

        receiver.answer = () => 410
        await app.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: { active: true } })
        await receiver.until(() => receiver.requests.length === 5, 'one more try after reactivation')
        t.equal(receiver.requests[4]?.seq, 1, 'it resumes at the event that failed')
        await eventually(async () => !(await get()).active, 'deactivation by 410')
        t.equal((await get()).active, false, '410 deactivates at once')
        t.equal(receiver.requests.length, 5, 'no retry after a 410')

        receiver.answer = () => 200
        receiver.secret = (
          await app.inject({ method: 'POST', url: `/webhooks/${hook.id}/rotate-secret` })
        ).json().secret
        const redo = await app.inject({
          method: 'POST',
          url: `/webhooks/${hook.id}/deliveries/${last.id}/redeliver`,
        })
        t.equal(redo.statusCode, 201)
        t.match(redo.json(), { eventSeq: 1, status: 'succeeded', responseStatus: 200, nextAttemptAt: null })
        t.equal(receiver.requests.at(-1)?.verified, true, 'signed with the new secret')
        const missing = await app.inject({
          method: 'POST',
          url: `/webhooks/${hook.id}/deliveries/${UNKNOWN_ID}/redeliver`,
        })
        t.equal(missing.statusCode, 404)
      },
    )
  })
}
