#!/usr/bin/env node
import { spawnSync } from 'node:child_process'
// Server CPU time per request: a steadier figure than req/s on a shared machine, where other processes take
// turns on the cores (req/s falls with them, CPU per request hardly moves). Starts trail (or --script) on a
// seeded SQLite database, loads one scenario of lib/scenarios.mjs for --requests requests, and reads the
// server's user + system time from /proc before and after. Also reports start-to-healthy.
//
//   node bench/cpu-per-request.mjs [--only get-task,post-task] [--requests 20000] [--rows 10000] [--script dist/server/server.js] [--rounds 3]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { dataset } from './lib/dataset.mjs'
import { seededFixture } from './lib/fixture.mjs'
import { autocannonRequest, preflight, SCENARIOS } from './lib/scenarios.mjs'
import { seedSqlite } from './lib/seed.mjs'
import { startServer } from './lib/server.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'get-task,list-first,post-task' },
    requests: { type: 'string', default: '20000' },
    rows: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    script: { type: 'string', default: 'dist/server/server.js' },
  },
})
const rows = Number(values.rows)
const TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100)
const cpuUs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}

const dir = mkdtempSync(join(os.tmpdir(), 'trail-cpu-'))
const path = join(dir, 'trail.db')
const env = {
  ...process.env,
  PERSISTENCE: 'sqlite',
  PERSIST_DB_PATH: path,
  LOG_LEVEL: 'info',
  SQLITE_SYNCHRONOUS: 'NORMAL',
  RATE_LIMIT_MAX: '1000000000',
}
const migrate = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/index.js'), 'migrate'], {
  env,
  cwd: ROOT,
})
if (migrate.status !== 0) throw new Error(String(migrate.stderr))
const data = dataset(rows)
seedSqlite(path, data, 0, rows)

const server = await startServer({ name: 'trail', script: resolve(ROOT, values.script), env, cwd: ROOT })
console.log(`start-to-healthy ${server.startMs.toFixed(0)} ms`)
const fixture = seededFixture(data, rows, Number(values.connections))
try {
  for (const key of values.only.split(',')) {
    const scenario = SCENARIOS.find((s) => s.key === key)
    await preflight(scenario, fixture, server.url)
    const perRequest = []
    for (let round = 0; round < Number(values.rounds); round++) {
      const before = cpuUs(server.pid)
      const result = await autocannon({
        url: server.url,
        connections: Number(values.connections),
        amount: Number(values.requests),
        ...autocannonRequest(scenario, fixture),
      })
      const used = cpuUs(server.pid) - before
      if (result.non2xx > 0) throw new Error(`${key}: ${result.non2xx} non-2xx answers`)
      perRequest.push(used / result.requests.total)
    }
    perRequest.sort((a, b) => a - b)
    console.log(
      `${scenario.route.padEnd(32)} server CPU µs/request: median ${perRequest[Math.floor(perRequest.length / 2)].toFixed(0)} (${perRequest.map((v) => v.toFixed(0)).join(', ')})`,
    )
  }
} finally {
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
