#!/usr/bin/env node
// `npm run bench:verify -- --entries 1000000 [--backend postgres]`: seeds a SQLite file (or a scratch
// PostgreSQL database) with that many chained audit entries (the data set of bench/lib/dataset.mjs, hashed by
// trail's own chainHash), then times `trail audit verify` as its own process and prints entries/s and its peak
// RSS. Targets (reported, never asserted): 200k entries/s or more, peak RSS under 100 MB at any size. Also its CPU time (user + system): on a shared machine wall time
// moves with the neighbours (the load average is printed beside it), CPU time hardly does.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { dataset } from './lib/dataset.mjs'
import { createScratchDatabase, DEFAULT_ADMIN_URL, dropScratchDatabase } from './lib/postgres.mjs'
import { seedPostgres, seedSqlite } from './lib/seed.mjs'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/cli/trail.js')
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    // postgres: a scratch database on --database-url (default DATABASE_URL, else local); the server's own CPU
    // is not in the figures, only trail's.
    backend: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
  },
})
const entries = Number(values.entries)
if (!Number.isInteger(entries) || entries < 1) throw new Error('--entries takes a whole number, 1 or more')

const TICK_S = 1 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100)

/** Runs a command; resolves with its wall time, stdout, peak RSS (VmHWM) and CPU time, sampled from /proc. */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } })
    let peakKb = 0
    let cpuSeconds = 0
    let stdout = ''
    let stderr = ''
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (match) peakKb = Math.max(peakKb, Number(match[1]))
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
        cpuSeconds = (Number(fields[11]) + Number(fields[12])) * TICK_S
      } catch {
        // The process has just exited; the last sample stands.
      }
    }, 20)
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) reject(new Error(`trail ${args.join(' ')} exited ${code}: ${stderr}`))
      else
        resolve({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, cpuSeconds, stdout })
    })
  })
}

if (!['sqlite', 'postgres'].includes(values.backend)) throw new Error('--backend is sqlite or postgres')
const adminUrl = values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL
const dir = mkdtempSync(join(tmpdir(), 'trail-bench-verify-'))
const scratch = values.backend === 'postgres' ? await createScratchDatabase(adminUrl, 'verify') : undefined
try {
  const env = scratch
    ? { PERSISTENCE: 'postgres', DATABASE_URL: scratch.url, NODE_OPTIONS: '' }
    : { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'trail.db'), NODE_OPTIONS: '' }
  await run(['migrate'], env)
  const seedStarted = performance.now()
  if (scratch) await seedPostgres(scratch.url, dataset(entries), 0, entries)
  else seedSqlite(env.PERSIST_DB_PATH, dataset(entries), 0, entries)
  console.error(
    `seeded ${entries} chained entries in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  )
  const loadBefore = loadavg()[0]
  const { seconds, peakMb, cpuSeconds, stdout } = await run(['audit', 'verify'], env)
  const load = `${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}`
  const rate = (s) => Math.round(entries / s).toLocaleString('en')
  console.log(`${values.backend}: ${stdout.trim()}`)
  console.log(
    '| entries | seconds | entries/s | CPU seconds | entries per CPU second | peak RSS | load avg before / after |',
  )
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  console.log(
    `| ${entries.toLocaleString('en')} | ${seconds.toFixed(2)} | ${rate(seconds)} | ${cpuSeconds.toFixed(2)} | ${rate(cpuSeconds)} | ${peakMb.toFixed(0)} MB | ${load} |`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
  if (scratch) await dropScratchDatabase(adminUrl, scratch.name)
}
