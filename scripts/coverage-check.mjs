#!/usr/bin/env node
// After the suite: no source file may fall below 90% of lines covered (tap's json-summary report), judged by the
// runs that can reach it. Without TEST_DATABASE_URL the PostgreSQL backend runs on PGlite, in process, so the
// node-postgres pool that production opens is reached only with a real server: that file is judged when
// TEST_DATABASE_URL is set (as in .ci/run) and named as not judged otherwise. With TEST_BACKENDS, the backend
// folders it leaves out are named as not judged (see below). Every other file, always.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

const MINIMUM = 90
/** Source files that only a run against a real PostgreSQL server (TEST_DATABASE_URL) reaches. */
const NEEDS_POSTGRES_SERVER = new Set([
  'src/persistence/postgres/pool.ts',
  // The dump load through COPY: PGlite has no COPY FROM STDIN through pg-copy-streams, so it loads with INSERTs.
  'src/persistence/postgres/copy.ts',
  // The change feed's LISTEN connection: PGlite has no second connection to listen on.
  'src/persistence/postgres/notifier.ts',
])
const realServer = Boolean(process.env.TEST_DATABASE_URL)

const summary = JSON.parse(readFileSync('.tap/report/coverage-summary.json', 'utf8'))
const sources = Object.entries(summary)
  .map(([file, metrics]) => [relative(process.cwd(), file), metrics])
  .filter(([file]) => file !== 'total' && file.startsWith('src/'))
// A renamed or removed file must not leave an exemption behind that a new file could later fall under.
const stale = [...NEEDS_POSTGRES_SERVER].filter((file) => !sources.some(([source]) => source === file))
if (stale.length > 0) {
  console.error(`coverage: NEEDS_POSTGRES_SERVER names files the report does not have: ${stale.join(', ')}`)
  process.exit(1)
}
// TEST_BACKENDS (CI's matrix: one backend per job) narrows the suites that run on every backend to those named,
// so another backend's folder is reached only by its own specific tests here; the job for that backend judges it.
const narrowedTo = process.env.TEST_BACKENDS?.split(',').filter(Boolean)
const unreachedFolders = narrowedTo
  ? ['memory', 'sqlite', 'postgres']
      .filter((backend) => !narrowedTo.includes(backend))
      .map((backend) => `src/persistence/${backend}/`)
  : []
const judged = sources.filter(
  ([file]) =>
    (realServer || !NEEDS_POSTGRES_SERVER.has(file)) &&
    !unreachedFolders.some((folder) => file.startsWith(folder)),
)
const below = judged
  .filter(([, metrics]) => metrics.lines.pct < MINIMUM)
  .map(([file, metrics]) => `${file}: ${metrics.lines.pct}% of lines`)

console.log(`coverage: ${summary.total.lines.pct}% of lines overall`)
if (!realServer) {
  console.log(`coverage: not judged without TEST_DATABASE_URL: ${[...NEEDS_POSTGRES_SERVER].join(', ')}`)
}
if (unreachedFolders.length > 0) {
  console.log(
    `coverage: not judged with TEST_BACKENDS=${narrowedTo.join(',')}: ${unreachedFolders.join(', ')}`,
  )
}
if (below.length > 0) {
  console.error(
    `coverage: ${below.length} source file(s) below ${MINIMUM}% of lines:\n  ${below.join('\n  ')}`,
  )
  process.exit(1)
}
