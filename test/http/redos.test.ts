// A hostile request must not stall the server for everyone else: the real server (one process, one event
// loop) keeps answering /health within 100 ms while it refuses text built to make a pattern backtrack.
// With the old title pattern a 1 MiB title blocked every request for minutes, and a 15.5 KB query string
// for 0.13 s per request.
import { join } from 'node:path'
import t from 'tap'
import { startServer } from '../server.js'

/** Probes /health until `hostile` settles (at least once); every probe's latency in ms. */
async function healthWhile(url: string, hostile: Promise<unknown>): Promise<number[]> {
  let settled = false
  hostile.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  const latencies: number[] = []
  do {
    const started = performance.now()
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })
    await res.arrayBuffer()
    latencies.push(performance.now() - started)
  } while (!settled && latencies.length < 100)
  return latencies
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
    const bodyProbes: number[] = []
    for (let i = 0; i < 3; i++) {
      const body = post(`${'a'.repeat(64 * 1024)}\u0000`)
      bodyProbes.push(...(await healthWhile(url, body)))
      t.equal((await body).status, 400, 'a 64 KB title ending in NUL is refused')
    }
    t.equal((await post(`${'a'.repeat(1_000_000)}\u0000`)).status, 400, 'so is a 1 MiB one')
    t.ok(Math.max(...bodyProbes) < 100, `/health took at most ${Math.max(...bodyProbes).toFixed(1)} ms`)

    const assignee = `${'a'.repeat(15_500)}%00`
    const queries = Promise.all(Array.from({ length: 4 }, () => fetch(`${url}/tasks?assignee=${assignee}`)))
    const queryProbes = await healthWhile(url, queries)
    for (const res of await queries) t.equal(res.status, 400, 'a 15.5 KB query string is refused')
    t.ok(Math.max(...queryProbes) < 100, `/health took at most ${Math.max(...queryProbes).toFixed(1)} ms`)
  })
}
