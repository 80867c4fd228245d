// The change feed's figures, per SQL backend: the time from a write's commit to its event on an open stream
// (on the same instance, and on a second instance of the same database), and the write throughput of
// POST /tasks with 10 open streams and 2 webhooks attached against none (target ≥ 0.9×).
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
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

/** A webhook receiver on 127.0.0.1 that accepts everything at once (204) and counts what it was sent. */
export async function startReceiver() {
  let received = 0
  const server = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received++
      response.writeHead(204).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received: () => received,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

async function createWebhook(url, receiverUrl) {
  const response = await fetch(`${url}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiverUrl }),
  })
  if (response.status !== 201) throw new Error(`POST /webhooks answered ${response.status}`)
  return (await response.json()).id
}

/**
 * POST /tasks req/s, alternating `repeat` times: with nothing attached; with `streams` open streams; with those
 * streams and `webhooks` webhooks (made fresh for each run, so each starts at the head and sends what that run
 * writes; deleted after it). The server must allow private webhook URLs (WEBHOOK_ALLOW_PRIVATE=true).
 */
export async function throughputWithStreams(url, { streams = 10, webhooks = 2, durationS, repeat, pid }) {
  const receiver = await startReceiver()
  const runs = { none: [], streams: [], both: [] }
  const cpu = { none: [], streams: [], both: [] }
  let received = 0
  let written = 0
  // One run of `variant`: its req/s, and (given the server's pid) the server's CPU per write meanwhile.
  const measure = async (variant) => {
    const before = pid === undefined ? 0 : cpuUs(pid)
    const run = await writeLoad(url, durationS)
    runs[variant].push(run.rps)
    if (pid !== undefined) cpu[variant].push((cpuUs(pid) - before) / Math.max(run.ok, 1))
    return run
  }
  const openStreams = () =>
    Promise.all(
      Array.from({ length: streams }, () =>
        openStream(url, () => {
          received++
        }),
      ),
    )
  try {
    for (let i = 0; i < repeat; i++) {
      await measure('none')
      let open = await openStreams()
      await measure('streams')
      for (const stream of open) stream.close()
      open = await openStreams()
      const hooks = []
      for (let n = 0; n < webhooks; n++) hooks.push(await createWebhook(url, `${receiver.url}/${n}`))
      written += (await measure('both')).ok
      for (const stream of open) stream.close()
      for (const id of hooks) await fetch(`${url}/webhooks/${id}`, { method: 'DELETE' })
    }
  } finally {
    receiver.close()
  }
  const median = (values) => spread(values).median
  const none = median(runs.none)
  return {
    withoutStreams: none,
    withStreams: median(runs.streams),
    withStreamsAndWebhooks: median(runs.both),
    ratioStreams: median(runs.streams) / none,
    ratio: median(runs.both) / none,
    // Server CPU per write (µs): steadier than req/s when other processes share the cores.
    cpuUsPerWrite: { none: median(cpu.none), streams: median(cpu.streams), both: median(cpu.both) },
    eventsReceived: received,
    // How far the webhooks kept up: deliveries made during the runs against the events they wanted.
    webhookDeliveries: receiver.received(),
    webhookEventsWritten: written * webhooks,
  }
}

const TICK_US = 1e6 / 100
/** The user + system CPU time of process `pid` so far, in µs (Linux /proc; clock ticks of 10 ms). */
function cpuUs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}

/**
 * The webhook worker's own cost: `webhooks` webhooks made at the head and turned off, `events` tasks written,
 * then the webhooks turned on and timed until every event reached the receiver. Deliveries per second, and
 * the server's CPU per delivery (steadier than a rate on a shared machine), with no other load.
 */
export async function deliveryCost(url, pid, { webhooks = 2, events = 300 } = {}) {
  const receiver = await startReceiver()
  try {
    const hooks = []
    for (let n = 0; n < webhooks; n++) hooks.push(await createWebhook(url, `${receiver.url}/${n}`))
    const patch = (id, active) =>
      fetch(`${url}/webhooks/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ active }),
      })
    for (const id of hooks) await patch(id, false)
    for (let i = 0; i < events; i++) await postTask(url, `backlog ${i}`)
    const cpuBefore = cpuUs(pid)
    const started = performance.now()
    for (const id of hooks) await patch(id, true)
    const wanted = webhooks * events
    while (receiver.received() < wanted) await new Promise((resolve) => setTimeout(resolve, 20))
    const seconds = (performance.now() - started) / 1000
    const cpu = cpuUs(pid) - cpuBefore
    for (const id of hooks) await fetch(`${url}/webhooks/${id}`, { method: 'DELETE' })
    return { deliveries: wanted, perSecond: wanted / seconds, cpuUsPerDelivery: cpu / wanted }
  } finally {
    receiver.close()
  }
}
