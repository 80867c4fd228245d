// A hostile request must not stall the server for everyone else: the real server (one process, one event
// loop) keeps answering /health (median under 100 ms) while it refuses text built to make a pattern backtrack.
// With the old title pattern a 1 MiB title blocked every request for minutes, and a 15.5 KB query string
// for 0.13 s per request.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { startServer } from '../server.js'

/**
 * The probes' median must be under 100 ms and none may pass 500 ms. The old pattern held every probe for
 * the whole hostile request (2.5 s for 64 KB); one slow probe alone says only that the machine is busy
 * (CI runs another test file beside this one on two cores), so the median carries the 100 ms bound.
 */
function assertResponsive(t: Test, probes: number[]) {
  const sorted = [...probes].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const worst = sorted.at(-1) ?? 0
  t.ok(median < 100, `/health answered in ${median.toFixed(1)} ms (median of ${probes.length})`)
  t.ok(worst < 500, `/health took at most ${worst.toFixed(1)} ms`)
}

const PROBES = 20

/**
 * Sends `hostile()` over and over, one after another, while /health is probed PROBES times one after another;
 * every probe's latency in ms and every hostile answer's status.
 */
async function healthUnder(url: string, hostile: () => Promise<Response>) {
  let probing = true
  const statuses: number[] = []
  const attacker = async () => {
    while (probing) {
      const res = await hostile()
      await res.arrayBuffer()
      statuses.push(res.status)
    }
  }
  const attacking = attacker()
  const latencies: number[] = []
  for (let i = 0; i < PROBES; i++) {
    const started = performance.now()
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })
    await res.arrayBuffer()
    latencies.push(performance.now() - started)
  }
  probing = false
  await attacking
  return { latencies, statuses }
}

for (const persistence of ['sqlite', 'memory']) {
  t.test(`${persistence}: /health answers within 100 ms while hostile text is refused`, async (t) => {
    t.testdir()
    const server = await startServer(t, {
      PERSISTENCE: persistence,
      PERSIST_DB_PATH: join(t.testdirName, 'db'),
    })
    const { url } = server
    // The first refusal compiles the error path; warm it so the probes measure only the hostile work.
    for (let i = 0; i < 3; i++) {
      await fetch(`${url}/tasks?assignee=%00`)
      await fetch(`${url}/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"\\u0000"}',
      })
    }

    const post = (title: string) =>
      fetch(`${url}/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      })
    // 64 KB: 2.5 s with the old pattern.
    const bodies = await healthUnder(url, () => post(`${'a'.repeat(64 * 1024)}\u0000`))
    t.ok(
      bodies.statuses.length > 0 && bodies.statuses.every((status) => status === 400),
      'every 64 KB title ending in NUL is refused',
    )
    assertResponsive(t, bodies.latencies)
    t.equal((await post(`${'a'.repeat(1_000_000)}\u0000`)).status, 400, 'so is a 1 MiB one')

    // 15.5 KB: 0.13 s per request with the old pattern, for a viewer's query string.
    const assignee = `${'a'.repeat(15_500)}%00`
    const queries = await healthUnder(url, () => fetch(`${url}/tasks?assignee=${assignee}`))
    t.ok(
      queries.statuses.length > 0 && queries.statuses.every((status) => status === 400),
      'every 15.5 KB query string is refused',
    )
    assertResponsive(t, queries.latencies)
  })
}
