// The server's WAL checkpoints run on a worker thread (src/persistence/sqlite/checkpointer.ts): committed pages
// reach the database file without a commit doing it, the WAL still starts over under writes that never pause,
// and closing leaves one file.
import { existsSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import {
  CHECKPOINT_INTERVAL_MS,
  startBackgroundCheckpoints,
  WRITER_AUTOCHECKPOINT_PAGES,
} from '../../src/persistence/sqlite/checkpointer.js'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { openSqliteBackend } from '../../src/persistence/sqlite/index.js'
import { eventually } from '../eventually.js'
import { assertContiguousSeq, countRows, dbPath } from './helpers.js'

const open = (path: string) =>
  openSqliteBackend({ path, synchronous: 'NORMAL', busyTimeoutMs: 5000, checkpointInBackground: true })

t.test('committed pages reach the database file while the writer never checkpoints', async (t) => {
  const path = dbPath(t)
  const { repos, sqlite } = await open(path)
  t.teardown(() => repos.close())
  t.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), WRITER_AUTOCHECKPOINT_PAGES)
  // Start from a database file that holds everything committed so far, and an empty WAL.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const fileBefore = statSync(path).size

  // Far fewer pages than the writer's own checkpoint waits for: only the worker can copy them.
  for (let i = 0; i < 40; i++)
    await repos.tasks.create({ title: `task ${i}`, rationale: 'x'.repeat(500) }, 'ann')
  t.ok(statSync(`${path}-wal`).size > 0, 'the writes went to the WAL')
  await eventually(() => statSync(path).size > fileBefore, 'the worker to copy them into the database file', {
    intervalMs: CHECKPOINT_INTERVAL_MS,
  })
})

t.test('the WAL starts over under writes that never pause', async (t) => {
  const path = dbPath(t)
  const { repos, sqlite } = await open(path)
  t.teardown(() => repos.close())
  const frameBytes = (sqlite.pragma('page_size', { simple: true }) as number) + 24
  const wal = () => statSync(`${path}-wal`).size
  const create = (i: number) => repos.tasks.create({ title: `task ${i}`, rationale: 'x'.repeat(2000) }, 'ann')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')

  // What a write appends, from the first few (the WAL only grows until it first starts over).
  const SAMPLE = 20
  for (let i = 0; i < SAMPLE; i++) await create(i)
  const framesPerWrite = wal() / frameBytes / SAMPLE
  // Four times the frames the writer's checkpoint waits for. A WAL that never started over would hold them all;
  // one that does holds about that many, more while the worker's checkpoint makes the writer's wait a commit.
  const appended = 4 * WRITER_AUTOCHECKPOINT_PAGES
  const writes = Math.ceil(appended / framesPerWrite)
  for (let i = SAMPLE; i < writes; i++) await create(i)

  const frames = Math.round(wal() / frameBytes)
  t.ok(frames < appended / 2, `${writes} writes appended ${appended} frames; the WAL holds ${frames}`)
  t.equal(countRows(sqlite, 'tasks'), writes)
  assertContiguousSeq(t, sqlite)
})

t.test('closing stops the worker and folds the WAL back into one file', async (t) => {
  const path = dbPath(t)
  const first = await open(path)
  await first.repos.tasks.create({ title: 'kept' }, 'ann')
  await first.repos.close()
  t.notOk(existsSync(`${path}-wal`), 'no WAL left behind')

  const again = await open(path)
  t.teardown(() => again.repos.close())
  t.equal(countRows(again.sqlite, 'tasks'), 1, 'the task was kept')
})

t.test('a worker that cannot open the file gives the writer its own checkpoints back', async (t) => {
  const dir = t.testdir()
  const sqlite = openSqlite(join(dir, 'moved', 'trail.db'), { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(sqlite))
  // The open connection keeps its file; the path the worker is given no longer leads to it.
  renameSync(join(dir, 'moved'), join(dir, 'elsewhere'))
  const checkpoints = startBackgroundCheckpoints(sqlite)
  await eventually(
    () => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000,
    "SQLite's default checkpoint to be back",
    { intervalMs: CHECKPOINT_INTERVAL_MS },
  )
  await checkpoints.stop()
})
