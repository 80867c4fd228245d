// The change feed's figures, per SQL backend: the time from a write's commit to its event on an open stream
// (on the same instance, and on a second instance of the same database), and the write throughput of
// POST /tasks with 10 open streams against none (target ≥ 0.9×).
import http from 'node:http'
import { load } from './load.mjs'
import { spread } from './stats.mjs'

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/** An open GET /events stream; `onEvent(entry, arrivedAtMs)` for every event. */
export function openStream(url, onEvent = () => {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/events`, { agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`GET /events answered ${response.statusCode}`))
      let buffered = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => {
        const arrived = Date.now()
        buffered += chunk
        const blocks = buffered.split('\n\n')
        buffered = blocks.pop() ?? ''
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '))
          if (data) onEvent(JSON.parse(data.slice(6)), arrived)
        }
      })
      response.on('error', () => {})
      resolve({ close: () => request.destroy() })
    })
    request.on('error', reject)
  })
}

async function postTask(url, title) {
  const response = await fetch(`${url}/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`POST /tasks answered ${response.status}`)
  return response.json()
}

/**
 * Commit-to-event latency: `writes` sequential POSTs through `writer`, each timed from its audit entry's `at`
 * (stamped inside the write transaction, so at or before its commit) to the event's arrival on a stream of
 * `reader`. Milliseconds, the clock's resolution.
 */
export async function commitToEvent(writer, reader, writes) {
  const waiting = new Map()
  const latencies = []
  const stream = await openStream(reader, (entry, arrived) => {
    latencies.push(arrived - Date.parse(entry.at))
    waiting.get(entry.entityId)?.()
  })
  try {
    for (let i = 0; i < writes; i++) {
      let arrived
      const seen = new Promise((resolve) => {
        arrived = resolve
      })
      const task = await postTask(writer, `latency ${i}`)
      if (latencies.length < i + 1) {
        waiting.set(task.id, arrived)
        await seen
        waiting.delete(task.id)
      }
    }
  } finally {
    stream.close()
  }
  const sorted = latencies.sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1), n: sorted.length }
}

const writeLoad = (url, durationS) =>
  load({
    url,
    connections: 10,
    durationS,
    // autocannon takes the path from `requests` (a top-level `path` is overridden by the URL's).
    request: {
      requests: [
        {
          method: 'POST',
          path: '/tasks',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'bench write', priority: 'high' }),
        },
      ],
    },
  })

/** POST /tasks req/s with no stream and with `streams` open streams, alternating, `repeat` times each. */
export async function throughputWithStreams(url, { streams = 10, durationS, repeat }) {
  const without = []
  const withStreams = []
  let received = 0
  for (let i = 0; i < repeat; i++) {
    without.push((await writeLoad(url, durationS)).rps)
    const open = await Promise.all(
      Array.from({ length: streams }, () =>
        openStream(url, () => {
          received++
        }),
      ),
    )
    withStreams.push((await writeLoad(url, durationS)).rps)
    for (const stream of open) stream.close()
  }
  const a = spread(without).median
  const b = spread(withStreams).median
  return { withoutStreams: a, withStreams: b, ratio: b / a, eventsReceived: received }
}
