// Two builds taking turns on PostgreSQL (`node bench/delivery-cost.mjs --before <old dist>/server/server.js`):
// server CPU per webhook delivery (2 webhooks draining a backlog) and per POST /tasks (nothing attached, 10
// streams, 10 streams + 2 webhooks), each build on a fresh server and database per round. Each server is
// warmed up first (a 200-event drain and a 2 s write load, not counted): on a loaded machine a cold server's
// first few hundred requests cost up to 10 ms of CPU each, mostly V8 compiling them, which the short runs of
// `bench:feed` then count as the steady cost.
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { deliveryCost, throughputWithStreams } from './lib/feed.mjs'
import { createScratchDatabase, DEFAULT_ADMIN_URL, dropScratchDatabase } from './lib/postgres.mjs'
import { startServer } from './lib/server.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: join(ROOT, 'dist', 'server', 'server.js') },
    rounds: { type: 'string', default: '2' },
    backlog: { type: 'string', default: '600' },
    duration: { type: 'string', default: '5' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL },
  },
})
if (values.before === undefined) throw new Error('--before <server.js of the other build> is required')
const builds = [
  ['before', resolve(values.before)],
  ['after', resolve(values.after)],
]
const adminUrl = values['database-url']

async function measure(script) {
  const db = await createScratchDatabase(adminUrl, 'delivery')
  const server = await startServer({
    name: script,
    script,
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '0',
      PG_POOL_SIZE: '10',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      PERSISTENCE: 'postgres',
      DATABASE_URL: db.url,
    },
  })
  try {
    await deliveryCost(server.url, server.pid, { events: 200 })
    await throughputWithStreams(server.url, { durationS: 2, repeat: 1, pid: server.pid })
    const load = os.loadavg()[0]
    const delivery = await deliveryCost(server.url, server.pid, { events: Number(values.backlog) })
    const writes = await throughputWithStreams(server.url, {
      durationS: Number(values.duration),
      repeat: 1,
      pid: server.pid,
    })
    return { load, delivery, writes }
  } finally {
    await server.stop()
    await dropScratchDatabase(adminUrl, db.name)
  }
}

console.log(
  '| round | build | load | CPU per delivery | deliveries/s | CPU per write: nothing | 10 streams | + 2 webhooks |',
)
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (let round = 1; round <= Number(values.rounds); round++) {
  // ABBA order, so a load that drifts during the run falls on both builds alike.
  for (const [build, script] of round % 2 === 1 ? builds : [...builds].reverse()) {
    const { load, delivery, writes } = await measure(script)
    const us = (n) => `${Math.round(n)} µs`
    const cpu = writes.cpuUsPerWrite
    console.log(
      `| ${round} | ${build} | ${load.toFixed(1)} | ${us(delivery.cpuUsPerDelivery)} | ${Math.round(delivery.perSecond)} | ${us(cpu.none)} | ${us(cpu.streams)} | ${us(cpu.both)} |`,
    )
  }
}
process.exit()
