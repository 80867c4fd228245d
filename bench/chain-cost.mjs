#!/usr/bin/env node
// `npm run bench:chain`: what the audit hash chain costs a write. The chain adds one chainHash per audit entry
// (RFC 8785 text + SHA-256, src/domains/audit/chain.ts) inside the write, and reads the newest hash with the
// newest seq it already read. So its share of a write is chainHash's CPU time over the write's: the first is
// timed here on the very entries `POST /tasks` and `PATCH /tasks/:id` write (made by trail's own plans), the
// second is the server's CPU time per request under load (bench/cpu-per-request.mjs, on SQLite). CPU time,
// not req/s, because on a shared machine req/s moves with the neighbours and CPU per request hardly does.
// It also checks that the reference (bench/reference) computes the same hash as trail for the same entry.
//
//   node bench/chain-cost.mjs [--requests 20000] [--rounds 3] [--rows 10000]
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chainHash, GENESIS_HASH } from '../dist/src/domains/audit/chain.js'
import { sequence } from '../dist/src/domains/audit/entries.js'
import { planTaskCreate, planTaskUpdate } from '../dist/src/domains/tasks/plans.js'
import { auditToRow } from './reference/rules.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    rows: { type: 'string', default: '10000' },
  },
})

// The entries the two routes write: the body of lib/scenarios.mjs's POST /tasks, then a status change.
const now = '2026-11-30T12:00:00.000Z'
const create = planTaskCreate(
  { title: 'Benchmark task: ship the importer', priority: 'high', assignees: ['ada', 'bob'] },
  'bench',
  now,
)
const update = planTaskUpdate(
  { id: create.result.id, task: create.result },
  { status: 'in_progress' },
  1,
  'bench',
  now,
)
const tail = { lastSeq: 41, lastAt: undefined, lastHash: 'a'.repeat(64) }
const written = {
  'POST /tasks': sequence(create.audit, tail)[0],
  'PATCH /tasks/:id': sequence(update.audit, tail)[0],
}

// The reference hashes with its own code: the same entry must get the same hash.
for (const [route, entry] of Object.entries(written)) {
  const referenceHash = auditToRow(entry, entry.seq, entry.prevHash)[9]
  if (referenceHash !== entry.hash || chainHash(entry.prevHash, entry) !== entry.hash)
    throw new Error(`${route}: the reference and trail hash the entry differently`)
}

/** chainHash's CPU time per call on `entry`, in µs: the median of 5 rounds of 20,000 calls, after a warm-up. */
function chainHashUs(entry) {
  const rounds = []
  for (let round = 0; round < 6; round++) {
    const started = process.cpuUsage()
    for (let i = 0; i < 20_000; i++) chainHash(GENESIS_HASH, entry)
    const used = process.cpuUsage(started)
    if (round > 0) rounds.push((used.user + used.system) / 20_000)
  }
  return rounds.sort((a, b) => a - b)[2]
}

const cpu = spawnSync(
  process.execPath,
  [
    join(ROOT, 'bench', 'cpu-per-request.mjs'),
    '--only',
    'post-task,patch-task',
    '--requests',
    values.requests,
    '--rounds',
    values.rounds,
    '--rows',
    values.rows,
  ],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
)
if (cpu.status !== 0) throw new Error(`cpu-per-request exited ${cpu.status}: ${cpu.stdout}`)
const perRequest = (route) => {
  const line = cpu.stdout.split('\n').find((l) => l.startsWith(route))
  const median = line && /median (\d+)/.exec(line)
  if (!median) throw new Error(`no CPU figure for ${route} in:\n${cpu.stdout}`)
  return Number(median[1])
}

const load = os.loadavg().map((v) => v.toFixed(2))
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${load.join(' ')}`,
)
console.log('| route | entries per write | chainHash µs | server CPU µs per write (SQLite) | chain share |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const [route, entry] of Object.entries(written)) {
  const hashUs = chainHashUs(entry)
  const writeUs = perRequest(route === 'POST /tasks' ? 'POST /tasks' : 'PATCH /tasks/:id')
  console.log(
    `| \`${route}\` | 1 | ${hashUs.toFixed(1)} | ${writeUs} | ${((100 * hashUs) / writeUs).toFixed(1)} % |`,
  )
}
