// Webhooks from the real server, run as a process: a receiver that fails for a while, the server killed with
// SIGKILL in the middle of a delivery and started again, and several processes or instances sharing a database.
// Whatever happens, every event reaches every webhook, in order; duplicates are allowed only after a crash.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { scratchDatabase } from '../backends/postgres.js'
import { realServer } from '../postgres/helpers.js'
import { type RunningServer, startServer } from '../server.js'
import { type Receiver, startReceiver } from './receiver.js'

const FAST = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_RETRY_SCHEDULE_MS: Array(20).fill('100').join(','),
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_LEASE_MS: '1500',
}

const json = { 'content-type': 'application/json' }

async function createWebhook(server: RunningServer, receiver: Receiver, events?: string[]) {
  const res = await fetch(`${server.url}/webhooks`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ url: receiver.url, ...(events ? { events } : {}) }),
  })
  if (res.status !== 201) throw new Error(`POST /webhooks answered ${res.status}: ${await res.text()}`)
  const hook = (await res.json()) as { id: string; secret: string }
  receiver.secret = hook.secret
  return hook
}

async function writeTasks(server: RunningServer, count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    const res = await fetch(`${server.url}/tasks`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: `task ${i}` }),
    })
    if (res.status !== 201) throw new Error(`POST /tasks answered ${res.status}`)
  }
}

/** Every seq from 1 to `last` was accepted, accepted seqs never go back, and every signature verified. */
function checkDelivered(t: Test, receiver: Receiver, last: number, what: string) {
  const accepted = receiver.accepted().map((r) => r.seq)
  t.same(
    [...new Set(accepted)].sort((a, b) => a - b),
    Array.from({ length: last }, (_, i) => i + 1),
    `${what}: nothing missing`,
  )
  t.ok(
    accepted.every((seq, i) => i === 0 || seq >= (accepted[i - 1] as number)),
    `${what}: in seq order`,
  )
  t.ok(
    receiver.requests.every((r) => r.verified === true),
    `${what}: every signature verifies`,
  )
  return accepted.length - new Set(accepted).size
}

t.test('a receiver that fails, then a kill -9 in the middle of a delivery: nothing is missing', async (t) => {
  const path = join(t.testdir(), 'app.db')
  const receiver = await startReceiver(t)
  let server = await startServer(t, { ...FAST, PERSIST_DB_PATH: path })
  await createWebhook(server, receiver)

  // First the receiver is down: the first event is retried, and the later ones wait for it.
  let failures = 5
  receiver.answer = () => (failures-- > 0 ? 500 : 200)
  await writeTasks(server, 10)
  await receiver.until(() => receiver.accepted().length >= 10, 'the first 10 events')
  t.same(
    receiver.requests.slice(0, 6).map((r) => [r.seq, r.status]),
    [
      [1, 500],
      [1, 500],
      [1, 500],
      [1, 500],
      [1, 500],
      [1, 200],
    ],
    'the first event is retried until the receiver recovers; nothing after it is sent meanwhile',
  )

  // Then the server dies while the receiver holds a delivery unanswered.
  let holding: (() => void) | undefined
  const held = new Promise<void>((resolve) => {
    holding = resolve
  })
  receiver.answer = (received) => {
    if (received.seq !== 15 || holding === undefined) return 200
    holding()
    return new Promise<number>(() => {})
  }
  await writeTasks(server, 10, 10)
  await held
  holding = undefined
  server.kill()
  await server.exited

  server = await startServer(t, { ...FAST, PERSIST_DB_PATH: path })
  await writeTasks(server, 10, 20)
  await receiver.until(() => new Set(receiver.accepted().map((r) => r.seq)).size === 30, 'all 30 events')
  const duplicates = checkDelivered(t, receiver, 30, 'after the crash')
  t.comment(`duplicates after kill -9: ${duplicates}`)
  t.ok(duplicates <= 1, 'at most the event in flight is sent again')
  await server.stop()
})

t.test('a private URL is refused by a server without WEBHOOK_ALLOW_PRIVATE', async (t) => {
  const server = await startServer(t, { PERSIST_DB_PATH: join(t.testdir(), 'app.db') })
  const res = await fetch(`${server.url}/webhooks`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ url: 'http://127.0.0.1:8080/hook' }),
  })
  t.equal(res.status, 422)
  t.equal(((await res.json()) as { code: string }).code, 'URL_NOT_ALLOWED')
})

/**
 * Two servers on one database, writes spread over both: each webhook gets each event exactly once. Exactly
 * once needs each attempt to end inside its lease; this machine runs both servers, the database and the test
 * on two cores, so the lease here is the default's share of it rather than FAST's crash-test 1.5 s.
 */
async function twoInstances(t: Test, base: Record<string, string>) {
  const env = { ...base, WEBHOOK_LEASE_MS: '20000' }
  const servers = [await startServer(t, env), await startServer(t, env)] as const
  const receivers = [await startReceiver(t), await startReceiver(t)] as const
  await createWebhook(servers[0], receivers[0])
  await createWebhook(servers[1], receivers[1])
  await Promise.all([writeTasks(servers[0], 25), writeTasks(servers[1], 25, 25)])
  for (const [i, receiver] of receivers.entries()) {
    await receiver.until(
      () => new Set(receiver.accepted().map((r) => r.seq)).size === 50,
      `50 events at webhook ${i + 1}`,
    )
    checkDelivered(t, receiver, 50, `webhook ${i + 1}`)
    t.equal(receiver.requests.length, 50, `webhook ${i + 1}: each event exactly once`)
  }
  await Promise.all(servers.map((server) => server.stop()))
}

t.test('two processes on one SQLite file: each event once per webhook', async (t) => {
  await twoInstances(t, { ...FAST, PERSIST_DB_PATH: join(t.testdir(), 'app.db') })
})

t.test('two PostgreSQL instances: each event once per webhook', async (t) => {
  const adminUrl = realServer(t)
  if (adminUrl === undefined) return
  const url = await scratchDatabase(t, adminUrl)
  await twoInstances(t, { ...FAST, PERSISTENCE: 'postgres', DATABASE_URL: url })
})
