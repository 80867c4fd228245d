// The change feed bench (also run at the end of `npm run bench`): per SQL backend, the time from a write's
// commit to its event on a stream of the same instance and of a second instance on the same database (p50,
// p99), and POST /tasks throughput with 10 open streams, and with 10 streams and 2 webhooks attached, against
// none (target ≥ 0.9×). Writes
// bench/results/feed.{json,md}.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { commitToEvent, deliveryCost, throughputWithStreams } from './lib/feed.mjs'
import { createScratchDatabase, dropScratchDatabase, reachablePostgres } from './lib/postgres.mjs'
import { startServer } from './lib/server.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SERVER = join(ROOT, 'dist', 'server', 'server.js')
const TARGET_RATIO = 0.9

const env = (extra) => ({
  ...process.env,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '0',
  PG_POOL_SIZE: '10',
  SQLITE_SYNCHRONOUS: 'NORMAL',
  // The throughput runs attach webhooks that deliver to a receiver on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE: 'true',
  ...extra,
})

async function benchBackend(kind, o, cleanups) {
  let backendEnv
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'trail-feed-bench-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    backendEnv = { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'trail.db') }
  } else {
    const db = await createScratchDatabase(o.postgresUrl, 'feed')
    cleanups.push(() => dropScratchDatabase(o.postgresUrl, db.name))
    backendEnv = { PERSISTENCE: 'postgres', DATABASE_URL: db.url }
  }
  const start = (name) => startServer({ name, script: o.script ?? SERVER, env: env(backendEnv), cwd: ROOT })
  const a = await start(`trail ${kind} a`)
  cleanups.push(() => a.stop())
  const b = await start(`trail ${kind} b`)
  cleanups.push(() => b.stop())
  const sameInstance = await commitToEvent(a.url, a.url, o.writes)
  const otherInstance = await commitToEvent(a.url, b.url, o.writes)
  await b.stop()
  const throughput = await throughputWithStreams(a.url, {
    durationS: o.durationS,
    repeat: o.repeat,
    pid: a.pid,
  })
  const delivery = await deliveryCost(a.url, a.pid, { events: o.backlog ?? 300 })
  return { kind, sameInstance, otherInstance, throughput, delivery }
}

export async function runFeedBench(o) {
  const cleanups = []
  const results = []
  try {
    for (const kind of o.backends) results.push(await benchBackend(kind, o, cleanups))
  } finally {
    while (cleanups.length > 0) await cleanups.pop()()
  }
  const round = (n) => Math.round(n * 100) / 100
  const lines = [
    `# Change feed (${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    '',
    '| backend | commit → event, same instance p50 / p99 | other instance p50 / p99 | POST /tasks req/s, nothing attached | 10 streams | 10 streams + 2 webhooks | ratio (target ≥ 0.9) | webhook deliveries / events wanted |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: |',
    ...results.map(
      ({ kind, sameInstance: s, otherInstance: x, throughput: t }) =>
        `| ${kind} | ${s.p50} / ${s.p99} ms | ${x.p50} / ${x.p99} ms | ${Math.round(t.withoutStreams)} | ${Math.round(
          t.withStreams,
        )} (${round(t.ratioStreams)}×) | ${Math.round(t.withStreamsAndWebhooks)} | ${round(t.ratio)} ${
          t.ratio >= TARGET_RATIO ? '✓' : '✗'
        } | ${t.webhookDeliveries} / ${t.webhookEventsWritten} |`,
    ),
    '',
    '| backend | server CPU per write: nothing attached | 10 streams | 10 streams + 2 webhooks | webhook deliveries/s (2 webhooks draining a backlog) | server CPU per delivery |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(({ kind, throughput: { cpuUsPerWrite: c }, delivery: d }) => {
      const vs = (us) => `${Math.round(us)} µs (${round(c.none / us)}×)`
      return `| ${kind} | ${Math.round(c.none)} µs | ${vs(c.streams)} | ${vs(c.both)} | ${Math.round(
        d.perSecond,
      )} | ${Math.round(d.cpuUsPerDelivery)} µs |`
    }),
    '',
    `Latency: ${o.writes} sequential writes, each from its audit entry's \`at\` (stamped inside the write's transaction,`,
    'so at or before its commit) to the event arriving on an open stream, in whole milliseconds. Throughput:',
    `autocannon, 10 connections, ${o.durationS} s runs, median of ${o.repeat}; nothing attached, 10 streams, and 10 streams`,
    'with 2 webhooks (made at the head before each run, delivering to a local receiver that answers 204 at once) take',
    "turns. Deliveries: those the receiver got before each run's webhooks were deleted, against the events they wanted.",
    `Backlog: ${o.backlog ?? 300} tasks written while 2 webhooks were off, then both turned on and timed until the receiver had`,
    "every event; CPU is the server's user + system time meanwhile (/proc), which other load hardly moves.",
  ]
  mkdirSync(o.out, { recursive: true })
  writeFileSync(join(o.out, 'feed.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(join(o.out, 'feed.md'), `${lines.join('\n')}\n`)
  console.log(lines.join('\n'))
  return results
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string', default: 'sqlite,postgres' },
      writes: { type: 'string', default: '300' },
      duration: { type: 'string', default: '3' },
      repeat: { type: 'string', default: '3' },
      'database-url': { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench', 'results') },
      backlog: { type: 'string', default: '300' },
      // Another build's entry point (a copy of an older dist/), for before/after figures of one change.
      script: { type: 'string' },
    },
  })
  let backends = values.backends.split(',')
  const postgresUrl = await reachablePostgres(values['database-url'])
  if (!postgresUrl) backends = backends.filter((b) => b !== 'postgres')
  await runFeedBench({
    backends,
    postgresUrl,
    writes: Number(values.writes),
    durationS: Number(values.duration),
    repeat: Number(values.repeat),
    out: values.out,
    backlog: Number(values.backlog),
    script: values.script && resolve(values.script),
  })
  process.exit()
}
