// The "hostile neighbour": one client sending the worst requests of the hardening issue at the rate a client
// is allowed (the default rate limit, RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_MS), while others read. What the
// others feel (GET p99 against the same figure without the neighbour) is what one abusive client costs everyone.
import http from 'node:http'

/** The default rate limit: 1200 requests a minute per client. */
export const HOSTILE_RATE_PER_S = 1200 / 60

const MIB = 1024 * 1024
/** Just under the 1 MiB body limit, so each is parsed (and refused) rather than cut off at the door. */
const hugeInvalidBody = JSON.stringify({ title: 'x'.repeat(MIB - 200), status: 'nonsense', extra: true })
const deepNesting = `{"title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`.slice(0, MIB - 100)
const longQuery = `/tasks?assignee=${'a'.repeat(7000)}%00&status=${'b'.repeat(500)}%00`
const longCursor = `/audit-entries?cursor=${'A'.repeat(7000)}%00`

/** The neighbour's requests, sent in turn. */
export const HOSTILE_REQUESTS = [
  { method: 'POST', path: '/tasks', body: hugeInvalidBody, name: '1 MiB invalid body' },
  { method: 'GET', path: longQuery, name: '7 kB query string ending in %00' },
  { method: 'POST', path: '/tasks', body: deepNesting, name: '200,000-deep nesting' },
  { method: 'GET', path: longCursor, name: '7 kB cursor ending in %00' },
  {
    method: 'PATCH',
    path: '/tasks/0190b1d4-0000-7000-8000-000000000000',
    body: deepNesting,
    name: 'deep PATCH',
  },
]

function send(url, { method, path, body }) {
  return new Promise((resolve) => {
    const request = http.request(
      `${url}${path}`,
      {
        method,
        agent: false,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', () => resolve(0))
    request.setTimeout(30_000, () => request.destroy())
    request.end(body)
  })
}

/**
 * Sends HOSTILE_REQUESTS round and round at `ratePerS` (each on a new connection, not waiting for answers)
 * until `stop()` is called; resolves, once all are answered, to the statuses the server gave.
 */
export function hostileNeighbour(url, ratePerS = HOSTILE_RATE_PER_S) {
  const pending = []
  let sent = 0
  const timer = setInterval(() => {
    pending.push(send(url, HOSTILE_REQUESTS[sent % HOSTILE_REQUESTS.length]))
    sent++
  }, 1000 / ratePerS)
  return {
    async stop() {
      clearInterval(timer)
      const statuses = {}
      for (const status of await Promise.all(pending)) statuses[status] = (statuses[status] ?? 0) + 1
      return { sent, statuses }
    },
  }
}
