#!/usr/bin/env node
// Does a write cost more as the tables grow? POST /tasks's database work (trail's SQLite repositories, in
// process, no HTTP) timed in rounds on a database of each size, beside the minimal server's two
// statements on its own database of the same rows. CPU time per create is the figure: unlike wall time it
// hardly moves when other processes share the machine. Also records the WAL's size after each round.
//
//   node bench/write-growth.mjs [--sizes 10000,100000,1000000] [--rounds 3] [--creates 5000]
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { openSqliteBackend } from '../dist/src/persistence/sqlite/index.js'
import { migrateSqlite } from '../dist/src/persistence/sqlite/migrate.js'
import { dataset } from './lib/dataset.mjs'
import { seedSqlite } from './lib/seed.mjs'
import { MINIMAL_SCHEMA, seedMinimal } from './minimal/schema.mjs'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    rounds: { type: 'string', default: '3' },
    creates: { type: 'string', default: '5000' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const rounds = Number(values.rounds)
const creates = Number(values.creates)

const BODY = {
  title: 'Benchmark task: ship the importer',
  priority: 'high',
  assignees: ['ada', 'bob'],
  rationale: 'Users are moving to PostgreSQL',
}

const data = dataset(sizes[sizes.length - 1])
const dir = mkdtempSync(join(os.tmpdir(), 'trail-write-growth-'))
/** Fresh databases of `rows` rows per table (trail's migrated, the minimal server's schema), seeded. */
function databasesOf(rows) {
  const trailPath = join(dir, `trail-${rows}.db`)
  const minimalPath = join(dir, `minimal-${rows}.db`)
  migrateSqlite(trailPath)
  seedSqlite(trailPath, data, 0, rows)
  const db = new Database(minimalPath)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.exec(MINIMAL_SCHEMA)
  seedMinimal(db, data, 0, rows)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { trailPath, minimalPath }
}
const walBytes = (path) => {
  try {
    return statSync(`${path}-wal`).size
  } catch {
    return 0
  }
}

/** `n` creates through `create`; CPU µs and wall µs per create. */
async function timed(n, create) {
  const cpu = process.cpuUsage()
  const wall = performance.now()
  for (let i = 0; i < n; i++) await create()
  const used = process.cpuUsage(cpu)
  return { cpuUs: (used.user + used.system) / n, wallUs: ((performance.now() - wall) * 1000) / n }
}

function minimalCreate(db) {
  const insertTask = db.prepare(
    `INSERT INTO tasks (title, status, priority, assignees, rationale_log, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  )
  const insertAudit = db.prepare(
    'INSERT INTO audit_entries (actor, entity, entity_id, action, at, diff) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const create = db.transaction(() => {
    const at = Date.now()
    const task = { ...BODY, status: 'todo', rationaleLog: [{ at, actor: 'bench', text: BODY.rationale }] }
    const { lastInsertRowid } = insertTask.run(
      task.title,
      task.status,
      task.priority,
      JSON.stringify(task.assignees),
      JSON.stringify(task.rationaleLog),
      at,
      at,
    )
    insertAudit.run('bench', 'task', lastInsertRowid, 'create', at, JSON.stringify(task))
  })
  return async () => create.immediate()
}

const fmt = (v) => v.toFixed(1).padStart(8)
console.log(
  'rows at start   round   trail cpu µs/create   wall µs   WAL MiB   minimal cpu µs/create   wall µs   WAL MiB',
)
for (const size of sizes) {
  const { trailPath, minimalPath } = databasesOf(size)
  const { repos } = await openSqliteBackend({ path: trailPath, synchronous: 'NORMAL' })
  const minimal = new Database(minimalPath)
  minimal.pragma('journal_mode = WAL')
  minimal.pragma('synchronous = NORMAL')
  const trailCreate = () => repos.tasks.create(BODY, 'bench')
  const rawCreate = minimalCreate(minimal)
  await timed(500, trailCreate)
  await timed(500, rawCreate)
  for (let round = 1; round <= rounds; round++) {
    const t = await timed(creates, trailCreate)
    const m = await timed(creates, rawCreate)
    console.log(
      `${String(size).padStart(13)}   ${String(round).padStart(5)}   ${fmt(t.cpuUs).padStart(19)}   ${fmt(t.wallUs)}   ${fmt(walBytes(trailPath) / 2 ** 20)}   ${fmt(m.cpuUs).padStart(21)}   ${fmt(m.wallUs)}   ${fmt(walBytes(minimalPath) / 2 ** 20)}`,
    )
  }
  await repos.close()
  minimal.pragma('wal_checkpoint(TRUNCATE)')
  minimal.close()
  for (const path of [trailPath, minimalPath]) rmSync(path, { force: true })
}
rmSync(dir, { recursive: true, force: true })
