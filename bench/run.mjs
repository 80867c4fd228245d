#!/usr/bin/env node
// `npm run bench`: trail against a raw Fastify + driver reference, over HTTP with autocannon, on every backend
// the machine can reach. See bench/README.md for what it measures and how to read the figures.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import pg from 'pg'
import { runFeedBench } from './feed.mjs'
import { dataset } from './lib/dataset.mjs'
import { checkDeepCursor, integerFixture, seededFixture, seedOverHttp } from './lib/fixture.mjs'
import { HOSTILE_RATE_PER_S, HOSTILE_REQUESTS, hostileNeighbour } from './lib/hostile.mjs'
import { load } from './lib/load.mjs'
import { createScratchDatabase, dropScratchDatabase, reachablePostgres } from './lib/postgres.mjs'
import {
  BACKEND_NAMES,
  backendTable,
  ratiosSvg,
  resultsMarkdown,
  scaleTable,
  TARGETS,
} from './lib/report.mjs'
import { autocannonRequest, preflight, SCENARIOS, serves } from './lib/scenarios.mjs'
import { seedPostgres, seedSqlite } from './lib/seed.mjs'
import { startServer } from './lib/server.mjs'
import { spread } from './lib/stats.mjs'
import { postgresStorage, sqliteStorage } from './lib/storage.mjs'
import { MINIMAL_SCHEMA, seedMinimal } from './minimal/schema.mjs'
import { PEERS } from './peers/index.mjs'
import {
  migratePostgres as referenceMigratePostgres,
  migrateSqlite as referenceMigrateSqlite,
} from './reference/migrate.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SCRIPTS = {
  reference: join(ROOT, 'bench', 'reference', 'server.mjs'),
  minimal: join(ROOT, 'bench', 'minimal', 'server.mjs'),
}
/** The servers a figure can compare trail with, in the order they are reported. */
const COMPARED = ['reference', 'minimal', ...Object.keys(PEERS)]

const USAGE = `usage: npm run bench -- [options]

  --backends LIST      memory,sqlite,postgres (default: all; postgres only when reachable)
  --connections LIST   connection counts per figure (default 10,50)
  --duration S         seconds per measured run (default 1.5)
  --warmup S           seconds of discarded load on each server before each figure (default 0.5)
  --repeat N           measured runs per figure, trail and reference alternating (default 3)
  --rows N             rows seeded per table on SQLite and PostgreSQL (default 100000)
  --memory-rows N      rows seeded over HTTP on the memory backend (default 10000)
  --startups N         cold starts timed per server (default 3)
  --only LIST          only the scenarios whose key or route contains one of these
                       (keys: ${SCENARIOS.map((s) => s.key).join(', ')})
  --quick              smoke run: 10k rows, 10 connections, 1 s runs, 1 repeat (about a minute)
  --scale              scale mode: GET /status-updates?limit=50 p99 at each of --scale-rows
  --scale-rows LIST    row counts of the scale mode (default 10000,100000,1000000)
  --hostile            hostile-neighbour mode: GET p99 (--connections, first count) alone, then while one client
                       sends the hardening issue's worst requests at the default rate limit (20 req/s)
  --no-feed            skip the change feed figures (bench/feed.mjs: commit-to-event latency, writes with 10 streams and 2 webhooks)
  --no-reference       trail only (no reference, no minimal server, no peers)
  --no-minimal         leave out the minimal server (SQLite: Fastify + better-sqlite3 by hand, integer keys)
  --peers LIST         also run these peers on SQLite, installed on demand in bench/peers/<name>/
                       (${Object.keys(PEERS).join(', ')})
  --database-url URL   PostgreSQL server for scratch databases (default DATABASE_URL, else local)
  --trail-script PATH  the trail entry point to start (default dist/server/server.js, the bundle npm start runs)
  --cpu-prof           write CPU profiles of the servers to bench/results/profiles/{trail,reference}/
  --out DIR            where results go (default bench/results)
  --name NAME          result file name (default latest, scale or quick)
  --render FILE.json   print and write the table, Markdown and SVG of an earlier run again, running nothing
`

function options() {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      repeat: { type: 'string' },
      rows: { type: 'string' },
      'memory-rows': { type: 'string' },
      startups: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
      hostile: { type: 'boolean', default: false },
      'scale-rows': { type: 'string' },
      'no-reference': { type: 'boolean', default: false },
      'no-feed': { type: 'boolean', default: false },
      'no-minimal': { type: 'boolean', default: false },
      peers: { type: 'string' },
      'database-url': { type: 'string' },
      'trail-script': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      out: { type: 'string' },
      name: { type: 'string' },
      render: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const quick = values.quick
  const list = (text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
  const number = (name, text, fallback, min = 0) => {
    if (text === undefined) return fallback
    const value = Number(text)
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${name} expects a number ≥ ${min}, not ${text}`)
    return value
  }
  const numbers = (name, text, fallback, min) =>
    text === undefined ? fallback : list(text).map((item) => number(name, item, 0, min))
  const o = {
    backends: values.backends ? list(values.backends) : ['memory', 'sqlite', 'postgres'],
    backendsGiven: values.backends !== undefined,
    connections: numbers('connections', values.connections, quick ? [10] : [10, 50], 1),
    durationS: number('duration', values.duration, quick ? 1 : 1.5, 0.5),
    warmupS: number('warmup', values.warmup, 0.5, 0),
    repeat: Math.round(number('repeat', values.repeat, quick ? 1 : 3, 1)),
    rows: Math.round(number('rows', values.rows, quick ? 10_000 : 100_000, 1000)),
    memoryRows: Math.round(number('memory-rows', values['memory-rows'], quick ? 2_000 : 10_000, 1000)),
    startups: Math.round(number('startups', values.startups, quick ? 1 : 3, 1)),
    only: values.only ? list(values.only) : undefined,
    quick,
    scale: values.scale,
    hostile: values.hostile,
    scaleRows: numbers('scale-rows', values['scale-rows'], [10_000, 100_000, 1_000_000], 1000).sort(
      (a, b) => a - b,
    ),
    reference: !values['no-reference'],
    feed: !values['no-feed'],
    minimal: !values['no-reference'] && !values['no-minimal'],
    peers: values['no-reference'] || !values.peers ? [] : list(values.peers),
    databaseUrl: values['database-url'],
    trailScript: resolve(ROOT, values['trail-script'] ?? 'dist/server/server.js'),
    cpuProf: values['cpu-prof'],
    out: resolve(ROOT, values.out ?? 'bench/results'),
    name: values.name ?? (values.scale ? 'scale' : values.hostile ? 'hostile' : quick ? 'quick' : 'latest'),
    render: values.render && resolve(values.render),
  }
  for (const backend of o.backends) {
    if (!(backend in BACKEND_NAMES)) throw new Error(`--backends: unknown backend ${backend}`)
  }
  for (const peer of o.peers) {
    if (!(peer in PEERS)) throw new Error(`--peers: unknown peer ${peer} (${Object.keys(PEERS).join(', ')})`)
  }
  return o
}

const log = (line) => console.error(line)

/** Builds dist/ when it is missing; warns when a source file is newer than the build. */
function ensureBuilt() {
  const entry = join(ROOT, 'dist', 'server', 'server.js')
  if (!existsSync(entry)) {
    log('dist/ is missing: npm run build')
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build failed')
    return
  }
  // Stale when a source file is newer than its own compiled output (tsc rewrites only what changed).
  const stale = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((item) => {
      const path = join(dir, item.name)
      if (item.isDirectory()) return stale(path)
      // A declaration file (.d.ts) compiles to nothing, so it has no output to compare with.
      if (!item.name.endsWith('.ts') || item.name.endsWith('.d.ts')) return false
      const output = join(ROOT, 'dist', relative(ROOT, path)).replace(/\.ts$/, '.js')
      return !existsSync(output) || statSync(path).mtimeMs > statSync(output).mtimeMs
    })
  if (stale(join(ROOT, 'src'))) log('warning: src/ has changes newer than dist/; run `npm run build` first')
}

/** The commit under test, and whether src/ or drizzle/ differ from it. */
function describeSource() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' })
  const head = git('rev-parse', 'HEAD')
  if (head.status !== 0) return undefined
  const changed = git('status', '--porcelain', '--', 'src', 'drizzle').stdout.trim()
  return { commit: head.stdout.trim(), srcChanged: changed !== '' }
}

function describeMachine() {
  const cpus = os.cpus()
  const lscpu = spawnSync('lscpu', [], { encoding: 'utf8' })
  const model = cpus[0]?.model.trim() ?? 'unknown CPU'
  const cores = os.availableParallelism()
  const memoryGiB = os.totalmem() / 1024 ** 3
  return {
    summary: `${cores} × ${model}, ${memoryGiB.toFixed(1)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`,
    nproc: cores,
    cpuModel: model,
    memoryGiB: Number(memoryGiB.toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    lscpu: lscpu.status === 0 ? lscpu.stdout.split('\n').slice(0, 15).join('\n') : undefined,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  }
}

const TRAIL_VARIABLES = [
  'PERSISTENCE',
  'PERSIST_DB_PATH',
  'SQLITE_SYNCHRONOUS',
  'DATABASE_URL',
  'PG_POOL_SIZE',
  'HOST',
  'PORT',
  'LOG_LEVEL',
  'AUTH',
  'RATE_LIMIT_MAX',
  'AUTH_FAILURE_LIMIT',
  'RATE_LIMIT_WINDOW_MS',
  'CORS_ORIGINS',
]

/**
 * The environment of a child: trail's variables all set here (a .env file cannot change them), at their
 * defaults but one: the request rate limit is raised out of reach, so the limiter still does its bookkeeping
 * on every request but one load generator on one address is not answered 429 after a fraction of a second.
 */
function childEnv(extra) {
  const env = { ...process.env }
  for (const key of TRAIL_VARIABLES) delete env[key]
  return {
    ...env,
    LOG_LEVEL: 'info',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    PG_POOL_SIZE: '10',
    RATE_LIMIT_MAX: '1000000000',
    ...extra,
  }
}

function trailMigrate(env) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'index.js'), 'migrate'], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`trail migrate failed: ${result.stderr || result.stdout}`)
}

/** Everything to undo on the way out, newest first: servers to stop, scratch databases to drop, folders. */
const cleanups = []
async function cleanUp() {
  while (cleanups.length > 0) {
    const undo = cleanups.pop()
    try {
      await undo()
    } catch (error) {
      log(`cleanup: ${error.message}`)
    }
  }
}
process.once('SIGINT', async () => {
  log('interrupted: stopping servers and dropping scratch databases')
  await cleanUp()
  process.exit(130)
})

/** Databases for one backend: migrated (trail's by `trail migrate`, the reference's by its own migrator). */
async function prepareDatabases(kind, dir, o, withReference) {
  if (kind === 'memory') return { trail: { PERSISTENCE: 'memory' } }
  if (kind === 'sqlite') {
    const trailPath = join(dir, 'trail.db')
    const referencePath = join(dir, 'reference.db')
    trailMigrate({ PERSISTENCE: 'sqlite', PERSIST_DB_PATH: trailPath })
    if (withReference) {
      const db = new Database(referencePath)
      db.pragma('journal_mode = WAL')
      referenceMigrateSqlite(db)
      db.close()
    }
    // The minimal server and the peers key rows by integer: their databases get the same rows their own way.
    const integerKeyed = {}
    if (withReference && o.minimal) {
      const path = join(dir, 'minimal.db')
      integerKeyed.minimal = {
        path,
        env: { PERSIST_DB_PATH: path },
        schema: MINIMAL_SCHEMA,
        time: (ms) => ms,
      }
    }
    if (withReference) {
      for (const name of o.peers) integerKeyed[name] = PEERS[name].prepare(dir)
    }
    for (const { path, schema } of Object.values(integerKeyed)) {
      const db = new Database(path)
      db.pragma('journal_mode = WAL')
      db.exec(schema)
      db.close()
    }
    return {
      storage: () => sqliteStorage(trailPath),
      trail: { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: trailPath },
      reference: withReference ? { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: referencePath } : undefined,
      ...Object.fromEntries(Object.entries(integerKeyed).map(([role, peer]) => [role, peer.env])),
      seed: async (data, from, to) => {
        seedSqlite(trailPath, data, from, to)
        if (withReference) seedSqlite(referencePath, data, from, to)
        for (const { path, time } of Object.values(integerKeyed)) {
          const db = new Database(path)
          db.pragma('synchronous = OFF')
          seedMinimal(db, data, from, to, time)
          db.close()
        }
      },
    }
  }
  const admin = o.postgresUrl
  const trailDb = await createScratchDatabase(admin, 'trail')
  cleanups.push(() => dropScratchDatabase(admin, trailDb.name))
  trailMigrate({ PERSISTENCE: 'postgres', DATABASE_URL: trailDb.url })
  let referenceDb
  if (withReference) {
    referenceDb = await createScratchDatabase(admin, 'ref')
    cleanups.push(() => dropScratchDatabase(admin, referenceDb.name))
    const client = new pg.Client({ connectionString: referenceDb.url })
    await client.connect()
    await referenceMigratePostgres(client)
    await client.end()
  }
  return {
    storage: () => postgresStorage(trailDb.url),
    trail: { PERSISTENCE: 'postgres', DATABASE_URL: trailDb.url },
    reference: referenceDb && { PERSISTENCE: 'postgres', DATABASE_URL: referenceDb.url },
    seed: async (data, from, to) => {
      await seedPostgres(trailDb.url, data, from, to)
      if (referenceDb) await seedPostgres(referenceDb.url, data, from, to)
    },
  }
}

/** Starts one server of `role` and registers its stop. */
async function start(role, env, o) {
  const profileDir = join(o.out, 'profiles', role)
  if (o.cpuProf) mkdirSync(profileDir, { recursive: true })
  const peer = PEERS[role]
  const server = await startServer({
    name: role,
    script: role === 'trail' ? o.trailScript : (peer?.script ?? SCRIPTS[role]),
    env: childEnv(env),
    cwd: ROOT,
    nodeArgs: o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    healthPath: peer?.healthPath,
  })
  server.role = role
  const stop = server.stop
  cleanups.push(stop)
  server.stop = () => {
    const index = cleanups.indexOf(stop)
    if (index >= 0) cleanups.splice(index, 1)
    return stop()
  }
  return server
}

/** `startups` cold starts of each server; the last one is kept running and returned. */
async function startTimed(envs, o, startups) {
  const servers = {}
  const times = {}
  for (const role of Object.keys(envs)) {
    if (!envs[role]) continue
    times[role] = []
    for (let i = 0; i < startups; i++) {
      const server = await start(role, envs[role], o)
      times[role].push(server.startMs)
      if (i < startups - 1) await server.stop()
      else servers[role] = server
    }
  }
  return { servers, times }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function runOnce(server, scenario, connections, durationS) {
  const result = await load({
    url: server.url,
    connections,
    durationS,
    request: autocannonRequest(scenario, server.fixture),
  })
  if (scenario.settle) await scenario.settle(server.fixture, server.url)
  await pause(100)
  return result
}

const round = (value, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null)
const roundSpread = (s) => ({ median: round(s.median), min: round(s.min), max: round(s.max) })

function summarize(runs) {
  const statuses = {}
  for (const run of runs) {
    for (const [code, count] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + count
  }
  return {
    rps: roundSpread(spread(runs.map((r) => r.rps))),
    p50: roundSpread(spread(runs.map((r) => r.p50))),
    p99: roundSpread(spread(runs.map((r) => r.p99))),
    notOk: runs.reduce((sum, r) => sum + r.notOk + r.errors, 0),
    statuses,
    runs: runs.map((r) => ({
      rps: round(r.rps, 1),
      p50: round(r.p50),
      p90: round(r.p90),
      p99: round(r.p99),
      max: round(r.max),
      ok: r.ok,
      notOk: r.notOk,
      errors: r.errors,
      timeouts: r.timeouts,
      seconds: r.seconds,
    })),
  }
}

/**
 * One figure: warm-up on each server (discarded), then `repeat` measured runs on each, trail and reference
 * alternating (and swapping who goes first every run) so that drift on the machine falls on both alike.
 */
async function figure(all, scenario, connections, o) {
  const servers = all.filter((server) => serves(server.fixture, scenario))
  for (const server of servers) {
    if (o.warmupS > 0) await runOnce(server, scenario, connections, o.warmupS)
  }
  const runs = Object.fromEntries(servers.map((s) => [s.role, []]))
  for (let rep = 0; rep < o.repeat; rep++) {
    // Each run a different server goes first (with two, they swap), so drift falls on each alike.
    const order = servers.map((_, k) => servers[(k + rep) % servers.length])
    for (const server of order) {
      runs[server.role].push(await runOnce(server, scenario, connections, o.durationS))
    }
  }
  const trail = summarize(runs.trail)
  const reference = runs.reference && summarize(runs.reference)
  const entry = { key: scenario.key, route: scenario.route, connections, trail, reference }
  // trail over each other server it ran beside: the minimal server, the peers.
  for (const role of COMPARED.slice(1)) {
    if (!runs[role]) continue
    const other = summarize(runs[role])
    entry[role] = other
    entry.ratios ??= {}
    entry.ratios[role] = {
      rps: round(trail.rps.median / other.rps.median),
      p99: round(trail.p99.median / other.p99.median),
    }
  }
  if (reference) {
    entry.ratio = {
      rps: round(trail.rps.median / reference.rps.median),
      p99: round(trail.p99.median / reference.p99.median),
    }
  }
  return entry
}

const short = (s) =>
  `${Math.round(s.rps.median ?? 0).toLocaleString('en-US')} req/s p99 ${s.p99.median?.toFixed(2) ?? '—'} ms${s.notOk ? ` (${s.notOk} non-2xx or failed!)` : ''}`

async function fixturesFor(kind, servers, data, rows, o) {
  const maxConnections = Math.max(...o.connections)
  const deep = SCENARIOS.find((s) => s.key === 'list-deep')
  for (const [role, server] of Object.entries(servers)) {
    if (role === 'minimal' || role in PEERS) {
      server.fixture = integerFixture(data, rows, maxConnections, PEERS[role]?.fixture)
    } else {
      server.fixture =
        kind === 'memory'
          ? await seedOverHttp(server.url, rows, maxConnections)
          : seededFixture(data, rows, maxConnections)
      // trail's database and the reference's both hold trail's search index (same migrations, same seed).
      server.fixture.searchIndex = true
    }
    if (server.fixture.deepCursor && serves(server.fixture, deep))
      await checkDeepCursor(server.fixture, server.url)
  }
}

/** The servers of `servers` in report order: trail first, then those it is compared with. */
const inOrder = (servers) => ['trail', ...COMPARED].map((role) => servers[role]).filter(Boolean)

const ratioText = (entry) =>
  [
    entry.reference &&
      ` | ref ${short(entry.reference)} | ratio ${entry.ratio.rps.toFixed(2)} / ${entry.ratio.p99.toFixed(2)}`,
    ...Object.entries(entry.ratios ?? {}).map(
      ([role, ratio]) =>
        ` | ${role} ${short(entry[role])} | ÷ ${ratio.rps.toFixed(2)} / ${ratio.p99.toFixed(2)}`,
    ),
  ]
    .filter(Boolean)
    .join('')

async function benchBackend(kind, o) {
  const dir = mkdtempSync(join(os.tmpdir(), `trail-bench-${kind}-`))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const withReference = kind !== 'memory' && o.reference
  const rows = kind === 'memory' ? o.memoryRows : o.rows
  const data = dataset(rows)

  log(`\n${BACKEND_NAMES[kind]}: preparing ${rows.toLocaleString('en-US')} rows per table`)
  const databases = await prepareDatabases(kind, dir, o, withReference)
  const seeding = performance.now()
  if (databases.seed) await databases.seed(data, 0, rows)
  const seedSeconds = (performance.now() - seeding) / 1000
  const storage = databases.storage && (await databases.storage())
  if (storage) log(`  storage (bytes): ${JSON.stringify(storage)}`)

  const { servers, times } = await startTimed(
    Object.fromEntries(['trail', ...COMPARED].map((role) => [role, databases[role]])),
    o,
    o.startups,
  )
  await fixturesFor(kind, servers, data, rows, o)
  if (kind === 'memory') log(`  seeded over HTTP in ${((performance.now() - seeding) / 1000).toFixed(1)} s`)
  else log(`  seeded in ${seedSeconds.toFixed(1)} s`)

  const scenarios = SCENARIOS.filter(
    (s) => !o.only || o.only.some((word) => s.key.includes(word) || s.route.includes(word)),
  )
  const list = inOrder(servers)
  // The pre-flight answer of each server also gives the size of its answers on the wire.
  const sizes = {}
  for (const scenario of scenarios) {
    for (const server of list) {
      if (!serves(server.fixture, scenario)) continue
      const { size } = await preflight(scenario, server.fixture, server.url)
      sizes[scenario.key] ??= {}
      sizes[scenario.key][server.role] = size
    }
  }

  const routes = []
  for (const scenario of scenarios) {
    for (const connections of o.connections) {
      const entry = await figure(list, scenario, connections, o)
      routes.push(entry)
      log(
        `  ${scenario.route.padEnd(44)} c${String(connections).padEnd(3)} trail ${short(entry.trail)}${ratioText(entry)}`,
      )
    }
  }

  const memory = Object.fromEntries(list.map((s) => [s.role, s.memory()]))
  for (const server of list) await server.stop()
  return {
    kind,
    rows,
    seedSeconds: round(seedSeconds, 1),
    repeat: o.repeat,
    durationS: o.durationS,
    startup: {
      ...Object.fromEntries(Object.entries(times).map(([role, t]) => [role, roundSpread(spread(t))])),
      runsMs: Object.fromEntries(Object.entries(times).map(([role, t]) => [role, t.map((v) => round(v, 1))])),
    },
    memory: Object.fromEntries(
      Object.entries(memory).map(([role, m]) => [
        role,
        { peakRssMiB: round(m.peakRssMiB, 1), hwmMiB: round(m.hwmMiB, 1) },
      ]),
    ),
    sizes,
    storage,
    routes,
  }
}

async function scaleBackend(kind, o) {
  const dir = mkdtempSync(join(os.tmpdir(), `trail-bench-scale-${kind}-`))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const withReference = o.reference
  const maxRows = o.scaleRows[o.scaleRows.length - 1]
  const data = dataset(maxRows)
  const connections = o.connections[0]
  const databases = await prepareDatabases(kind, dir, o, withReference)
  const scenarios = ['list-first', 'list-deep'].map((key) => SCENARIOS.find((s) => s.key === key))
  const steps = []
  let seeded = 0
  for (const rows of o.scaleRows) {
    log(`\n${BACKEND_NAMES[kind]} scale: seeding to ${rows.toLocaleString('en-US')} rows per table`)
    const seeding = performance.now()
    await databases.seed(data, seeded, rows)
    seeded = rows
    const seedSeconds = (performance.now() - seeding) / 1000
    log(`  seeded in ${seedSeconds.toFixed(1)} s`)
    const { servers, times } = await startTimed(
      { trail: databases.trail, reference: databases.reference },
      o,
      1,
    )
    await fixturesFor(kind, servers, data, rows, o)
    const list = [servers.trail, servers.reference].filter(Boolean)
    const step = {
      rows,
      seedSeconds: round(seedSeconds, 1),
      startMs: {
        trail: round(times.trail[0], 1),
        reference: times.reference && round(times.reference[0], 1),
      },
    }
    for (const scenario of scenarios) {
      for (const server of list) await preflight(scenario, server.fixture, server.url)
      const entry = await figure(list, scenario, connections, o)
      step[scenario.key === 'list-first' ? 'first' : 'deep'] = entry
      log(
        `  ${scenario.route.padEnd(44)} trail ${short(entry.trail)}` +
          (entry.reference ? ` | ref ${short(entry.reference)}` : ''),
      )
    }
    step.memory = Object.fromEntries(list.map((s) => [s.role, s.memory()]))
    for (const server of list) await server.stop()
    steps.push(step)
  }
  const [from, to] = [steps[0], steps[steps.length - 1]]
  return {
    kind,
    connections,
    steps,
    growth:
      steps.length > 1
        ? {
            fromRows: from.rows,
            toRows: to.rows,
            first: round(to.first.trail.p99.median / from.first.trail.p99.median),
            deep: round(to.deep.trail.p99.median / from.deep.trail.p99.median),
          }
        : undefined,
  }
}

/** The terminal table, Markdown and SVG of `results`, written beside `<out>/<name>.json`. */
/**
 * The hostile-neighbour figures of one backend: GET /status-updates?limit=50 p99 quiet, then with the neighbour,
 * `repeat` runs of each, alternating. Target: the p99 with the neighbour within 2x of the quiet one.
 */
async function hostileBackend(kind, o) {
  const dir = mkdtempSync(join(os.tmpdir(), `trail-bench-hostile-${kind}-`))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const rows = kind === 'memory' ? o.memoryRows : o.rows
  const data = dataset(rows)
  log(`\n${BACKEND_NAMES[kind]} hostile neighbour: preparing ${rows.toLocaleString('en-US')} rows per table`)
  const databases = await prepareDatabases(kind, dir, o, false)
  if (databases.seed) await databases.seed(data, 0, rows)
  const server = await start('trail', databases.trail, o)
  await fixturesFor(kind, { trail: server }, data, rows, o)
  const scenario = SCENARIOS.find((s) => s.key === 'list-first')
  await preflight(scenario, server.fixture, server.url)
  const connections = o.connections[0]
  if (o.warmupS > 0) await runOnce(server, scenario, connections, o.warmupS)
  const quiet = []
  const hostile = []
  const neighbour = { sent: 0, statuses: {} }
  for (let rep = 0; rep < o.repeat; rep++) {
    quiet.push(await runOnce(server, scenario, connections, o.durationS))
    const client = hostileNeighbour(server.url)
    hostile.push(await runOnce(server, scenario, connections, o.durationS))
    const { sent, statuses } = await client.stop()
    neighbour.sent += sent
    for (const [code, count] of Object.entries(statuses))
      neighbour.statuses[code] = (neighbour.statuses[code] ?? 0) + count
  }
  await server.stop()
  const entry = {
    kind,
    route: scenario.route,
    connections,
    neighbour: { ratePerS: HOSTILE_RATE_PER_S, requests: HOSTILE_REQUESTS.map((r) => r.name), ...neighbour },
    quiet: summarize(quiet),
    hostile: summarize(hostile),
  }
  entry.ratio = round(entry.hostile.p99.median / entry.quiet.p99.median)
  entry.meets = entry.ratio <= 2
  log(
    `  ${scenario.route} c${connections}: quiet ${short(entry.quiet)} | hostile ${short(entry.hostile)} | ` +
      `p99 ${entry.ratio.toFixed(2)}x (target <= 2x) | neighbour sent ${neighbour.sent}, answered ${JSON.stringify(neighbour.statuses)}`,
  )
  return entry
}

function hostileReport(results, o) {
  const lines = [
    '| backend | route | quiet p99 (ms) | with neighbour p99 (ms) | ratio | target ≤ 2× | neighbour answers |',
    '|---|---|---|---|---|---|---|',
    ...results.backends.map(
      (b) =>
        `| ${BACKEND_NAMES[b.kind]} | ${b.route} c${b.connections} | ${b.quiet.p99.median} | ${b.hostile.p99.median} | ` +
        `${b.ratio}× | ${b.meets ? 'yes' : 'no'} | ${Object.entries(b.neighbour.statuses)
          .map(([code, count]) => `${count}× ${code}`)
          .join(', ')} |`,
    ),
  ]
  const markdown = join(o.out, `${o.name}.md`)
  writeFileSync(markdown, `# Hostile neighbour (${results.date})\n\n${lines.join('\n')}\n`)
  console.log(lines.join('\n'))
  return [relative(ROOT, markdown)]
}

function report(results, o) {
  if (results.format === 'trail-bench-hostile') return hostileReport(results, o)
  const scale = results.format === 'trail-bench-scale'
  const lines = scale ? scaleTable(results) : results.backends.flatMap((b) => [...backendTable(b), ''])
  console.log(`\n${lines.join('\n')}`)
  mkdirSync(o.out, { recursive: true })
  const markdown = join(o.out, `${o.name}.md`)
  writeFileSync(markdown, resultsMarkdown(results))
  const written = [relative(ROOT, markdown)]
  if (!scale && results.backends.some((b) => b.routes.some((r) => r.ratio))) {
    const svg = join(o.out, o.name === 'latest' ? 'ratios.svg' : `${o.name}-ratios.svg`)
    writeFileSync(svg, ratiosSvg(results))
    written.push(relative(ROOT, svg))
  }
  return written
}

async function main() {
  const o = options()
  if (o.render) {
    const results = JSON.parse(readFileSync(o.render, 'utf8'))
    o.name = basename(o.render, '.json')
    o.out = dirname(o.render)
    console.log(`wrote ${report(results, o).join(', ')}`)
    return
  }
  ensureBuilt()
  const machine = describeMachine()
  const started = new Date()

  let backends = o.scale ? o.backends.filter((b) => b !== 'memory') : o.backends
  if (backends.includes('postgres')) {
    o.postgresUrl = await reachablePostgres(o.databaseUrl)
    if (!o.postgresUrl) {
      if (o.backendsGiven) throw new Error('PostgreSQL was asked for but cannot be reached')
      log('PostgreSQL cannot be reached (DATABASE_URL or 127.0.0.1:5432): skipping it')
      backends = backends.filter((b) => b !== 'postgres')
    }
  }
  log(`trail bench on ${machine.summary}; load average ${machine.loadAverageAtStart.join(' ')}`)

  const results = {
    format: o.scale ? 'trail-bench-scale' : o.hostile ? 'trail-bench-hostile' : 'trail-bench',
    date: started.toISOString(),
    source: describeSource(),
    machine,
    options: {
      backends,
      connections: o.connections,
      durationS: o.durationS,
      warmupS: o.warmupS,
      repeat: o.repeat,
      rows: o.rows,
      memoryRows: o.memoryRows,
      scaleRows: o.scale ? o.scaleRows : undefined,
      startups: o.startups,
      only: o.only,
      trailScript: relative(ROOT, o.trailScript),
      reference: o.reference,
    },
    targets: TARGETS,
    backends: [],
  }
  try {
    for (const kind of backends) {
      results.backends.push(
        o.scale
          ? await scaleBackend(kind, o)
          : o.hostile
            ? await hostileBackend(kind, o)
            : await benchBackend(kind, o),
      )
    }
  } finally {
    await cleanUp()
  }
  results.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)))
  results.elapsedS = round((Date.now() - started.getTime()) / 1000, 1)

  mkdirSync(o.out, { recursive: true })
  const json = join(o.out, `${o.name}.json`)
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`)
  const written = [relative(ROOT, json), ...report(results, o)]
  console.log(`wrote ${written.join(', ')} in ${results.elapsedS} s`)
  const feedBackends = backends.filter((b) => b !== 'memory')
  if (o.feed && !o.scale && !o.hostile && feedBackends.length > 0) {
    await runFeedBench({
      backends: feedBackends,
      postgresUrl: o.postgresUrl,
      writes: 300,
      durationS: o.durationS,
      repeat: o.repeat,
      out: o.out,
    })
  }
}

try {
  await main()
} catch (error) {
  await cleanUp()
  console.error(`bench: ${error.stack ?? error.message}`)
  process.exitCode = 1
}
// autocannon's and the children's handles are all done with; do not wait for stragglers.
process.exit()
