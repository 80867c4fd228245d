// The pure webhook rules (event patterns, retry schedule, deactivation), the address rules and the sender's
// failures, each on its own.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import {
  afterAttempt,
  changedWebhook,
  newWebhook,
  redelivered,
  wants,
} from '../../src/domains/webhooks/rules.js'
import { checkWebhookUrl, isPublicAddress, publicOnlyLookup } from '../../src/webhooks/address.js'
import { STOPPED, send } from '../../src/webhooks/sender.js'

const entry: AuditEntry = {
  id: '01a217af-0000-7000-8000-000000000001',
  seq: 7,
  actor: 'ada',
  entity: 'task',
  entityId: '01a217af-0000-7000-8000-000000000002',
  action: 'update',
  at: '2026-11-30T08:00:00.000Z',
  diff: { title: ['a', 'b'] },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
}
const policy = { scheduleMs: [1000, 2000], jitter: 0.1 }

t.test('event patterns', async (t) => {
  t.ok(wants(['*'], entry))
  t.ok(wants(['task.*'], entry))
  t.ok(wants(['*.update'], entry))
  t.ok(wants(['bug.create', 'task.update'], entry))
  t.notOk(wants(['task.create', 'bug.*', '*.delete'], entry))
})

t.test(
  'a delivery moves the cursor; failures follow the schedule with jitter, then deactivate',
  async (t) => {
    const webhook = newWebhook({ url: 'https://example.com/' }, 6, '2026-11-30T08:00:00.000Z')
    t.same(webhook.events, ['*'])
    t.equal(webhook.deliveredThroughSeq, 6)
    const ok = afterAttempt(webhook, 7, { kind: 'delivered', responseStatus: 204 }, policy, 0, 0.5)
    t.same(ok.state, { deliveredThroughSeq: 7, attempt: 0, nextAttemptAt: null, active: true })
    t.match(ok.delivery, { eventSeq: 7, attempt: 1, status: 'succeeded', responseStatus: 204, error: null })

    const failure = { kind: 'failed', responseStatus: 500, error: 'the receiver answered 500' } as const
    const first = afterAttempt(webhook, 7, failure, policy, 0, 0)
    t.same(first.state, {
      deliveredThroughSeq: 6,
      attempt: 1,
      nextAttemptAt: new Date(900).toISOString(),
      active: true,
    })
    const second = afterAttempt({ ...webhook, ...first.state }, 7, failure, policy, 0, 0.999999)
    t.equal(second.state.nextAttemptAt, new Date(2200).toISOString(), 'at most 10 % later')
    const last = afterAttempt({ ...webhook, ...second.state }, 7, failure, policy, 0, 0.5)
    t.same(last.state, { deliveredThroughSeq: 6, attempt: 3, nextAttemptAt: null, active: false })
    t.match(last.delivery, { attempt: 3, status: 'failed', nextAttemptAt: null, error: /retries exhausted/ })

    const gone = afterAttempt(webhook, 7, { kind: 'gone', responseStatus: 410 }, policy, 0, 0.5)
    t.equal(gone.state.active, false)
    t.match(gone.delivery, { responseStatus: 410, error: /410 Gone/ })
  },
)

t.test('reactivation starts the pending event over; a redelivery never schedules', async (t) => {
  const webhook = { ...newWebhook({ url: 'https://example.com/' }, 0, 'x'), active: false, attempt: 8 }
  const back = changedWebhook(webhook, { active: true }, 'later')
  t.match(back, { active: true, attempt: 0, nextAttemptAt: null, updatedAt: 'later' })
  t.equal(changedWebhook(back, { description: 'd' }, 'later').attempt, 0)
  t.match(redelivered('w', 3, { kind: 'gone', responseStatus: 410 }, 0), {
    status: 'failed',
    error: /410/,
    nextAttemptAt: null,
  })
  t.match(redelivered('w', 3, { kind: 'failed', responseStatus: null, error: 'e' }, 0), { error: 'e' })
})

t.test('addresses', async (t) => {
  for (const address of [
    '127.0.0.1',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    'not an address',
  ])
    t.notOk(isPublicAddress(address), address)
  for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
    t.ok(isPublicAddress(address), address)
  await t.rejects(checkWebhookUrl('http://does-not-exist.invalid/', false), { code: 'URL_NOT_ALLOWED' })
  await t.resolves(checkWebhookUrl('http://127.0.0.1/', true), 'allowed with the flag')
  await t.rejects(checkWebhookUrl('javascript:alert(1)', true), { code: 'URL_NOT_ALLOWED' })
  // The lookup used at connect time refuses a name that resolves to loopback.
  const refused = await new Promise<Error | null>((resolve) =>
    publicOnlyLookup('localhost', {}, (error) => resolve(error)),
  )
  t.match(refused?.message, /not a public address/)
  const missing = await new Promise<Error | null>((resolve) =>
    publicOnlyLookup('does-not-exist.invalid', {}, (error) => resolve(error)),
  )
  t.ok(missing, 'a name that does not resolve fails')
})

t.test('the sender: refused addresses, no answer, redirects, closed connections, stop', async (t) => {
  const options = { timeoutMs: 300, allowPrivate: false }
  t.match(await send('http://127.0.0.1:9/', 'whsec_AAAA', entry, options), {
    kind: 'failed',
    responseStatus: null,
    error: /not a public address/,
  })
  t.match(await send('http://localhost:9/', 'whsec_AAAA', entry, options), {
    kind: 'failed',
    error: /cannot reach/,
  })
  t.match(await send('ftp://x/', 'whsec_AAAA', entry, options), { kind: 'failed' })

  const requestsOn = new WeakMap<object, number>()
  let received = 0
  let closedKept = false
  const server = createServer((request, response) => {
    received++
    const onSocket = (requestsOn.get(request.socket) ?? 0) + 1
    requestsOn.set(request.socket, onSocket)
    if (request.url === '/silent') return
    if (request.url === '/moved') return response.writeHead(302, { location: '/' }).end()
    // Closes a kept connection as the next request arrives on it, as a receiver's idle close can (once).
    if (request.url === '/closes-kept' && onSocket > 1 && !closedKept) {
      closedKept = true
      return request.socket.destroy()
    }
    if (request.url === '/breaks-off') {
      response.writeHead(200, { 'content-length': 100 }).write('0123456789')
      return setImmediate(() => request.socket.destroy())
    }
    response.writeHead(204).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => {
    server.closeAllConnections()
    server.close()
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const open = { timeoutMs: 300, allowPrivate: true }
  t.match(await send(`${base}/silent`, 'whsec_AAAA', entry, open), {
    kind: 'failed',
    error: /no answer within 300 ms/,
  })
  t.match(await send(`${base}/moved`, 'whsec_AAAA', entry, open), { kind: 'failed', responseStatus: 302 })
  t.match(await send(`${base}/`, 'whsec_AAAA', entry, open), { kind: 'delivered', responseStatus: 204 })
  const before = received
  t.match(await send(`${base}/closes-kept`, 'whsec_AAAA', entry, open), { kind: 'delivered' })
  t.equal(received - before, 2, 'sent on a kept connection closed under it, then once more')
  t.match(await send(`${base}/breaks-off`, 'whsec_AAAA', entry, open), {
    kind: 'failed',
    responseStatus: 200,
    error: /the answer broke off/,
  })
  t.match(await send('http://127.0.0.1:9/', 'whsec_AAAA', entry, open), {
    kind: 'failed',
    error: /cannot reach/,
  })
  const stopping = new AbortController()
  const pending = send(`${base}/silent`, 'whsec_AAAA', entry, {
    timeoutMs: 5000,
    allowPrivate: true,
    signal: stopping.signal,
  })
  stopping.abort()
  t.match(await pending, { kind: 'failed', error: STOPPED })
})
