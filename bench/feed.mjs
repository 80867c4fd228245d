// The change feed bench (also run at the end of `npm run bench`): per SQL backend, the time from a write's
// commit to its event on a stream of the same instance and of a second instance on the same database (p50,
// p99), and POST /tasks throughput with 10 open streams against none (target ≥ 0.9×). Writes
// bench/results/feed.{json,md}.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { commitToEvent, throughputWithStreams } from './lib/feed.mjs'
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
  const start = (name) => startServer({ name, script: SERVER, env: env(backendEnv), cwd: ROOT })
  const a = await start(`trail ${kind} a`)
  cleanups.push(() => a.stop())
  const b = await start(`trail ${kind} b`)
  cleanups.push(() => b.stop())
  const sameInstance = await commitToEvent(a.url, a.url, o.writes)
  const otherInstance = await commitToEvent(a.url, b.url, o.writes)
  await b.stop()
  const throughput = await throughputWithStreams(a.url, { durationS: o.durationS, repeat: o.repeat })
  return { kind, sameInstance, otherInstance, throughput }
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
    '| backend | commit → event, same instance p50 / p99 | other instance p50 / p99 | POST /tasks req/s, no stream | with 10 streams | ratio (target ≥ 0.9) |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...results.map(
      ({ kind, sameInstance: s, otherInstance: x, throughput: t }) =>
        `| ${kind} | ${s.p50} / ${s.p99} ms | ${x.p50} / ${x.p99} ms | ${Math.round(t.withoutStreams)} | ${Math.round(
          t.withStreams,
        )} | ${round(t.ratio)} ${t.ratio >= TARGET_RATIO ? '✓' : '✗'} |`,
    ),
    '',
    `Latency: ${o.writes} sequential writes, each from its audit entry's \`at\` (stamped inside the write's transaction,`,
    'so at or before its commit) to the event arriving on an open stream, in whole milliseconds. Throughput:',
    `autocannon, 10 connections, ${o.durationS} s runs, median of ${o.repeat}, with and without 10 streams alternating.`,
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
  })
  process.exit()
}
