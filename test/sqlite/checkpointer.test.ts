// The server's WAL checkpoints run on a worker thread (src/persistence/sqlite/checkpointer.ts): committed pages
// reach the database file without a commit doing it, the WAL still starts over under writes that never pause,
// and closing leaves one file.
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs'
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

/**
 * How many times the WAL has started over: the checkpoint sequence number in its header (offset 12, SQLite's
 * file format), which SQLite counts up each time it writes the WAL from the beginning again.
 */
function walRestarts(path: string): number {
  const header = Buffer.alloc(16)
  const fd = openSync(`${path}-wal`, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  return header.readUInt32BE(12)
}

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
  const create = (i: number) => repos.tasks.create({ title: `task ${i}`, rationale: 'x'.repeat(2000) }, 'ann')
  await create(0)
  const restartsBefore = walRestarts(path)

  // Writes back to back: a pause would let the worker's checkpoint catch up and the WAL start over without
  // the writer's backstop, which is what this test is about. The WAL starts over at about 32 MB, so the cap
  // only keeps a WAL that never does from filling the disk.
  const RESTARTS = 3
  const WAL_CAP_BYTES = 1024 ** 3
  const walBytes = () => statSync(`${path}-wal`).size
  let writes = 1
  while (walRestarts(path) - restartsBefore < RESTARTS && walBytes() < WAL_CAP_BYTES) await create(writes++)
  t.equal(
    walRestarts(path) - restartsBefore,
    RESTARTS,
    `the WAL started over ${RESTARTS} times in ${writes} writes`,
  )
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
