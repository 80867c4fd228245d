#!/usr/bin/env node
// What each part of trail's schema costs a task create: POST /tasks's database work (trail's SQLite
// repositories, in process, no HTTP, as in write-growth.mjs) on copies of one seeded database, each copy
// without one group of indexes, taking turns round by round, beside the minimal server's two statements on its
// own database of the same rows. A copy's CPU time per create less the shipped schema's is the price of what it
// left out; what the copy without all of them still spends over the minimal server is the rest of the schema
// (text keys, the audit `seq` index and chain, the assignee and search document rows), named in the README.
// The copies exist only here: every index left out serves a documented read (`npm run db:check`).
//
//   node bench/write-price.mjs [--rows 100000] [--rounds 7] [--creates 3000] [--out bench/results]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { openSqliteBackend } from '../dist/src/persistence/sqlite/index.js'
import { CREATE_BODY, minimalCreate, minimalDatabase, timedInTurns } from './lib/in-process-creates.mjs'
import { seededCopies } from './lib/seed.mjs'
import { spread } from './lib/stats.mjs'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '7' },
    creates: { type: 'string', default: '3000' },
    out: { type: 'string' },
  },
})
const rows = Number(values.rows)
const rounds = Number(values.rounds)
const creates = Number(values.creates)

const AUDIT_FILTER_INDEXES = ['entity', 'actor', 'at', 'entity_kind', 'action'].map(
  (filter) => `DROP INDEX audit_entries_${filter}_idx`,
)
const TASK_LIST_INDEXES = [
  'DROP INDEX tasks_created_idx',
  'DROP INDEX tasks_status_idx',
  'DROP INDEX tasks_priority_idx',
  'DROP INDEX task_assignees_assignee_idx',
]
// The write path still inserts into `search_index` and tells it what to forget; a plain table takes those
// rows as one insert each, so this copy saves the FTS5 posting lists, not the search documents.
const FTS5_INDEX = ['DROP TABLE search_index', 'CREATE TABLE search_index (search_index, title, body)']

/** Each copy: its name in the table and the statements that make it from the shipped schema. */
const VARIANTS = [
  { name: 'shipped schema', statements: [] },
  { name: 'without the 5 audit filter indexes', statements: AUDIT_FILTER_INDEXES },
  { name: 'without the 3 task list indexes and the assignee index', statements: TASK_LIST_INDEXES },
  { name: 'without the FTS5 index (a plain table in its place)', statements: FTS5_INDEX },
  {
    name: 'without all of these',
    statements: [...AUDIT_FILTER_INDEXES, ...TASK_LIST_INDEXES, ...FTS5_INDEX],
  },
]

const dir = mkdtempSync(join(os.tmpdir(), 'trail-write-price-'))
try {
  const { paths, data } = seededCopies(dir, rows, VARIANTS.length)
  const databases = []
  for (const [n, variant] of VARIANTS.entries()) {
    const db = new Database(paths[n])
    for (const statement of variant.statements) db.exec(statement)
    db.close()
    const { repos } = await openSqliteBackend({ path: paths[n], synchronous: 'NORMAL' })
    databases.push({
      name: variant.name,
      create: () => repos.tasks.create(CREATE_BODY, 'bench'),
      close: () => repos.close(),
    })
  }
  const minimal = minimalDatabase(join(dir, 'minimal.db'), data, rows)
  databases.push({ name: 'minimal server', create: minimalCreate(minimal), close: () => minimal.close() })

  const perRound = await timedInTurns(
    databases.map((database) => database.create),
    { rounds, times: creates },
  )
  for (const database of databases) await database.close()

  const cost = perRound.map((values) => spread(values).median)
  const [shipped] = cost
  const fmt = (us) => us.toFixed(0)
  const lines = [
    `# The price of trail's schema on a task create (${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    '',
    `\`node bench/write-price.mjs --rows ${rows} --rounds ${rounds} --creates ${creates}\`: POST /tasks's database work in`,
    'process (SQLite, synchronous=NORMAL, checkpoints in the commit), CPU µs per create, median of the rounds.',
    '',
    '| schema | CPU µs per create | each round | saved against the shipped schema |',
    '| --- | ---: | --- | ---: |',
    ...databases.map(
      (database, i) =>
        `| ${database.name} | ${fmt(cost[i])} | ${perRound[i].map(fmt).join(', ')} | ${i === 0 ? '' : fmt(shipped - cost[i])} |`,
    ),
  ]
  const table = `${lines.join('\n')}\n`
  process.stdout.write(table)
  if (values.out !== undefined) {
    mkdirSync(values.out, { recursive: true })
    writeFileSync(join(values.out, 'write-price.md'), table)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
