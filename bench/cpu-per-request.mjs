#!/usr/bin/env node
import { spawnSync } from 'node:child_process'
// Server CPU time per request: a steadier figure than req/s on a shared machine, where other processes take
// turns on the cores (req/s falls with them, CPU per request hardly moves). Starts trail (or --script) on a
// seeded SQLite database, loads one scenario of lib/scenarios.mjs for --requests requests, and reads the
// server's user + system time from /proc before and after. Also reports start-to-healthy.
// `--backend postgres` runs it on a scratch PostgreSQL database (on `--database-url`, the server on this
// machine) and also counts the CPU of the server's PostgreSQL backends (their /proc, found by
// pg_stat_activity). Several `--script`s (comma-separated: e.g. a copy of the old dist/ and the new one) run
// on databases of the same rows and take turns, round by round, so a before/after comparison shares the
// machine's noise. A script may be bench/reference/server.mjs (the raw reference, on a database trail migrated:
// the same tables). `--cpu-prof DIR` writes each server's V8 profile to DIR/<index>/, for
// `node bench/profile-summary.mjs FILE --requests N` (N: rounds × requests of the one scenario run).
//
//   node bench/cpu-per-request.mjs [--only get-task,post-task] [--requests 20000] [--rows 10000] [--script dist/server/server.js] [--rounds 3]
//     [--backend sqlite|postgres] [--database-url URL] [--cpu-prof DIR]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import pg from 'pg'
import { dataset } from './lib/dataset.mjs'
import { seededFixture } from './lib/fixture.mjs'
import { createScratchDatabase, DEFAULT_ADMIN_URL, dropScratchDatabase } from './lib/postgres.mjs'
import { autocannonRequest, preflight, SCENARIOS } from './lib/scenarios.mjs'
import { seedPostgres, seedSqlite } from './lib/seed.mjs'
import { startServer } from './lib/server.mjs'
import { migratePostgres, migrateSqlite } from './reference/migrate.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'get-task,list-first,post-task' },
    requests: { type: 'string', default: '20000' },
    rows: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    script: { type: 'string', default: 'dist/server/server.js' },
    backend: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL },
    'cpu-prof': { type: 'string' },
  },
})
const postgres = values.backend === 'postgres'
const rows = Number(values.rows)
const TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100)
const cpuUs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}

/** The raw reference migrates by its own runner (the same SQL files), which its start-up checks for. */
const REFERENCE = join(ROOT, 'bench', 'reference', 'server.mjs')
async function migrateReference(database) {
  if (database.url === undefined) {
    const db = new Database(database.path)
    db.pragma('journal_mode = WAL')
    migrateSqlite(db)
    db.close()
    return
  }
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    await migratePostgres(client)
  } finally {
    await client.end()
  }
}

const dir = mkdtempSync(join(os.tmpdir(), 'trail-cpu-'))
const admin = values['database-url']
const scripts = values.script.split(',')
/** Each server's own database (a scratch one on PostgreSQL), with the same rows. */
const databases = []
/**
 * The PostgreSQL backends serving the server on its scratch database: trail's pool and feed listener
 * ('trail', 'trail-feed') or the reference's pool ('trail-reference'); not this monitor's own.
 */
const monitor = postgres ? new pg.Client({ connectionString: admin }) : undefined
await monitor?.connect()
const backendPids = async (database) =>
  monitor === undefined
    ? []
    : (
        await monitor.query(
          "select pid from pg_stat_activity where datname = $1 and application_name like 'trail%'",
          [database.name],
        )
      ).rows.map((row) => row.pid)
const backendCpuUs = (pids) => {
  let total = 0
  for (const pid of pids) {
    try {
      total += cpuUs(pid)
    } catch {
      // A backend that ended since the list was read.
    }
  }
  return total
}
try {
  const data = dataset(rows)
  const servers = []
  for (const [index, script] of scripts.entries()) {
    const path = join(dir, `trail-${index}.db`)
    const database = postgres ? await createScratchDatabase(admin, `cpu${index}`) : { path }
    databases.push(database)
    const env = {
      ...process.env,
      ...(postgres
        ? { PERSISTENCE: 'postgres', DATABASE_URL: database.url, PG_POOL_SIZE: '10' }
        : { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: path, SQLITE_SYNCHRONOUS: 'NORMAL' }),
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '1000000000',
    }
    if (resolve(ROOT, script) === REFERENCE) await migrateReference(database)
    else {
      const migrate = spawnSync(process.execPath, [join(ROOT, 'dist/cli/trail.js'), 'migrate'], {
        env,
        cwd: ROOT,
      })
      if (migrate.status !== 0) throw new Error(String(migrate.stderr))
    }
    if (postgres) await seedPostgres(database.url, data, 0, rows)
    else seedSqlite(path, data, 0, rows)
    const profileDir = values['cpu-prof'] && resolve(values['cpu-prof'], String(index))
    const server = await startServer({
      name: 'trail',
      script: resolve(ROOT, script),
      env,
      cwd: ROOT,
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    })
    // Each server its own fixture: PATCH lends tasks at the versions that server's answers named.
    servers.push({ script, server, database, fixture: seededFixture(data, rows, Number(values.connections)) })
    console.log(`${script}: start-to-healthy ${server.startMs.toFixed(0)} ms`)
  }
  try {
    for (const key of values.only.split(',')) {
      const scenario = SCENARIOS.find((s) => s.key === key)
      const perRequest = new Map(servers.map(({ script }) => [script, { trail: [], backends: [] }]))
      for (const { server, fixture } of servers) await preflight(scenario, fixture, server.url)
      for (let round = 0; round < Number(values.rounds); round++) {
        for (const { script, server, database, fixture } of servers) {
          const pids = await backendPids(database)
          const before = cpuUs(server.pid)
          const backendsBefore = backendCpuUs(pids)
          const result = await autocannon({
            url: server.url,
            connections: Number(values.connections),
            amount: Number(values.requests),
            ...autocannonRequest(scenario, fixture),
          })
          const used = cpuUs(server.pid) - before
          // Backends opened during the round count from zero.
          const backendsUsed = backendCpuUs(await backendPids(database)) - backendsBefore
          if (result.non2xx > 0) throw new Error(`${key}: ${result.non2xx} non-2xx answers`)
          const figures = perRequest.get(script)
          figures.trail.push(used / result.requests.total)
          figures.backends.push(backendsUsed / result.requests.total)
        }
      }
      const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
      const show = (list) => `median ${median(list).toFixed(0)} (${list.map((v) => v.toFixed(0)).join(', ')})`
      for (const [script, { trail, backends }] of perRequest) {
        console.log(
          `${scenario.route.padEnd(32)} ${script}: server CPU µs/request ${show(trail)}${postgres ? `; its PostgreSQL backends ${show(backends)}` : ''}`,
        )
      }
    }
  } finally {
    for (const { server } of servers) await server.stop()
  }
} finally {
  await monitor?.end()
  for (const database of databases) if (database.name) await dropScratchDatabase(admin, database.name)
  rmSync(dir, { recursive: true, force: true })
}
