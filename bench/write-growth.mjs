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
import { CREATE_BODY, minimalCreate, timedCreates } from './lib/in-process-creates.mjs'
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
  const trailCreate = () => repos.tasks.create(CREATE_BODY, 'bench')
  const rawCreate = minimalCreate(minimal)
  await timedCreates(500, trailCreate)
  await timedCreates(500, rawCreate)
  for (let round = 1; round <= rounds; round++) {
    const t = await timedCreates(creates, trailCreate)
    const m = await timedCreates(creates, rawCreate)
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
