// A webhook receiver for tests: a real HTTP server on 127.0.0.1 that verifies every delivery's signature with
// the `standardwebhooks` package (as a user's receiver would) and answers what the test tells it to.
import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import type { Test } from 'tap'

/** Settings for an app whose worker polls, retries and gives up within a test's patience (private URLs allowed). */
export const FAST_DELIVERY = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_SCHEDULE_MS: '50,50,50',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_LEASE_MS: '5000',
}

export interface Received {
  id: string
  seq: number
  entry: Record<string, unknown>
  headers: IncomingHttpHeaders
  /** Whether the signature verified with the secret the receiver knew then; null with no secret set. */
  verified: boolean | null
  /** What the receiver answered. */
  status: number
}

export interface Receiver {
  url: string
  /** Every request, in arrival order, whatever it was answered. */
  requests: Received[]
  /** Only those answered 2xx. */
  accepted(): Received[]
  secret: string | undefined
  /** Decides the status of each request (200 by default); a promise holds the answer back until it settles. */
  answer: (received: Omit<Received, 'status'>) => number | Promise<number>
  /** Resolves once `condition` holds, checked after each request (and now). */
  until(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>
}

export async function startReceiver(t: Test): Promise<Receiver> {
  const waiters = new Set<() => void>()
  const receiver: Receiver = {
    url: '',
    requests: [],
    accepted: () => receiver.requests.filter((r) => r.status >= 200 && r.status < 300),
    secret: undefined,
    answer: () => 200,
    until(condition, what, timeoutMs = 30_000) {
      if (condition()) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`timed out waiting for ${what} (${receiver.requests.length} requests so far)`))
        }, timeoutMs)
        const check = () => {
          if (!condition()) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
      })
    },
  }
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    let verified: boolean | null = null
    if (receiver.secret !== undefined) {
      try {
        new Webhook(receiver.secret).verify(body, request.headers as Record<string, string>)
        verified = true
      } catch {
        verified = false
      }
    }
    const entry = JSON.parse(body) as Record<string, unknown>
    const received = {
      id: String(request.headers['webhook-id']),
      seq: Number(entry.seq),
      entry,
      headers: request.headers,
      verified,
    }
    const status = await receiver.answer(received)
    receiver.requests.push({ ...received, status })
    if (!response.destroyed) response.writeHead(status).end()
    for (const waiter of [...waiters]) waiter()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  t.teardown(() => {
    server.closeAllConnections()
    server.close()
  })
  return receiver
}
