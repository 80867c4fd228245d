#!/usr/bin/env node
// Start-up to healthy on SQLite: cold starts of one or more entry points, taken in turn (so a change in the
// machine's load falls on all of them alike), each timed from spawn to the first 200 from GET /health as
// `npm run bench` times it. Besides the wall time it reports the CPU the process used until then (utime +
// stime from /proc), which a loaded machine inflates far less than the wall time.
//   node bench/startup.mjs [--runs 7] [SCRIPT...]      (default: dist/server/server.js, what npm start runs)
// e.g. node bench/startup.mjs dist/src/server.js dist/server/server.js   (unbundled against the bundle)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startServer } from './lib/server.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '7' } },
  allowPositionals: true,
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1')
const scripts = (positionals.length > 0 ? positionals : ['dist/server/server.js']).map((s) =>
  resolve(ROOT, s),
)

/** CPU milliseconds the process has used so far (Linux: /proc/PID/stat, in clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

const dir = mkdtempSync(join(os.tmpdir(), 'trail-startup-bench-'))
const env = {
  ...process.env,
  PERSISTENCE: 'sqlite',
  PERSIST_DB_PATH: join(dir, 'trail.db'),
  LOG_LEVEL: 'warn',
}
// Migrated once, so every start finds the schema current, as a restart does.
const migrate = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'index.js'), 'migrate'], {
  env,
  encoding: 'utf8',
})
if (migrate.status !== 0) throw new Error(`trail migrate failed: ${migrate.stderr}`)

const results = new Map(scripts.map((script) => [script, { wall: [], cpu: [] }]))
const loads = []
try {
  for (let i = 0; i < runs; i++) {
    for (const script of scripts) {
      loads.push(os.loadavg()[0])
      const server = await startServer({ name: script, script, env, cwd: ROOT })
      const cpu = cpuMs(server.pid)
      await server.stop()
      results.get(script).wall.push(server.startMs)
      results.get(script).cpu.push(cpu)
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const range = (list) => `${Math.round(Math.min(...list))}–${Math.round(Math.max(...list))}`
console.log(`${runs} cold starts each, SQLite, Node ${process.version}`)
console.log('| entry point | wall to healthy, median (range) ms | CPU to healthy, median (range) ms |')
console.log('| --- | ---: | ---: |')
for (const [script, { wall, cpu }] of results) {
  const name = script.replace(`${ROOT}/`, '')
  console.log(
    `| \`${name}\` | ${Math.round(median(wall))} (${range(wall)}) | ${median(cpu)} (${range(cpu)}) |`,
  )
}
console.log(
  `1-minute load average during the runs: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
)
