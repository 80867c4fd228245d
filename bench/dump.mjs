#!/usr/bin/env node
// `npm run bench:dump -- --rows 1000000`: seeds a database with that many rows (a third each of tasks, status
// updates and audit entries), then times `trail export` and `trail import` on SQLite and, when a server
// answers, PostgreSQL, each as its own process, and prints rows/s, CPU time and the peak RSS of each step (the
// validation pass alone too, as `import --dry-run`).
// Targets (issue 16; reported, never asserted): peak RSS under 150 MB for every step on both backends;
// SQLite export ≥ 100k rows/s and import ≥ 60k rows/s; PostgreSQL import ≥ 50k rows/s, export ≥ 100k rows/s.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { dataset } from './lib/dataset.mjs'
import { createScratchDatabase, dropScratchDatabase, reachablePostgres } from './lib/postgres.mjs'
import { seedSqlite } from './lib/seed.mjs'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/cli/trail.js')
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '300000' }, 'no-postgres': { type: 'boolean' } },
})
const total = Number(values.rows)
if (!Number.isInteger(total) || total < 3) throw new Error('--rows takes a whole number of rows, 3 or more')
const perTable = Math.ceil(total / 3)

if (!existsSync(cli)) {
  console.error('building dist/ first…')
  await run(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    {},
  )
}

/**
 * Runs a command; resolves with its wall time, peak RSS (VmHWM) and CPU time (user + system), both sampled
 * from /proc every 20 ms until it exits. CPU time does not depend on what else the machine is running.
 */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let peakKb = 0
    let cpuTicks = 0
    let stderr = ''
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(procStatus(child.pid))
        if (match) peakKb = Math.max(peakKb, Number(match[1]))
        cpuTicks = Math.max(cpuTicks, procCpuTicks(child.pid))
      } catch {
        // The process has just exited; the last sample stands.
      }
    }
    const timer = setInterval(sample, 20)
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakMb: peakKb / 1024,
          cpuSeconds: cpuTicks / CLOCK_TICKS,
          stderr,
        })
    })
  })
}

const procStatus = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8')
// utime and stime, fields 14 and 15 of /proc/PID/stat (counted after the parenthesised command name).
const procCpuTicks = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return Number(fields[11]) + Number(fields[12])
}
const CLOCK_TICKS = 100

const dir = mkdtempSync(join(tmpdir(), 'trail-bench-dump-'))
const results = []
const step = async (name, args, env) => {
  const { seconds, peakMb, cpuSeconds } = await run(process.execPath, [cli, ...args], env)
  results.push({
    cpuSeconds,
    step: name,
    rows: perTable * 3,
    seconds,
    rowsPerSecond: Math.round((perTable * 3) / seconds),
    peakMb,
  })
  console.error(`${name.padEnd(28)} ${seconds.toFixed(2).padStart(7)} s`)
}

try {
  const source = join(dir, 'source.db')
  const dump = join(dir, 'dump.ndjson')
  await run(process.execPath, [cli, 'migrate'], { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: source })
  const seedStarted = performance.now()
  seedSqlite(source, dataset(perTable), 0, perTable)
  console.error(`seeded ${perTable * 3} rows in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`)

  await step('export  SQLite', ['export', '--out', dump], { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: source })
  const bytes = statSync(dump).size
  // The validation pass alone (the import's first half), so its memory and time can be told from the load's.
  await step('validate (import --dry-run)', ['import', '--dry-run', '--in', dump], {
    PERSISTENCE: 'sqlite',
    PERSIST_DB_PATH: join(dir, 'dry-run.db'),
  })
  await step('import  SQLite (new file)', ['import', '--in', dump], {
    PERSISTENCE: 'sqlite',
    PERSIST_DB_PATH: join(dir, 'target.db'),
  })

  const adminUrl = values['no-postgres'] ? undefined : await reachablePostgres()
  if (adminUrl) {
    const db = await createScratchDatabase(adminUrl, 'dump')
    try {
      const env = { PERSISTENCE: 'postgres', DATABASE_URL: db.url }
      await step('import  PostgreSQL', ['import', '--in', dump], env)
      await step('export  PostgreSQL', ['export', '--out', join(dir, 'from-postgres.ndjson')], env)
    } finally {
      await dropScratchDatabase(adminUrl, db.name)
    }
  } else {
    console.error('PostgreSQL: no server answers (set DATABASE_URL); skipped')
  }

  console.log(`\ndump of ${perTable * 3} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB\n`)
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`)
  console.log('| step | seconds | rows/s | CPU s | peak RSS |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const r of results) {
    console.log(
      `| ${r.step} | ${r.seconds.toFixed(2)} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.cpuSeconds.toFixed(2)} | ${r.peakMb.toFixed(0)} MB |`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
