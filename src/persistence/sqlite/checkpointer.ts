// The server's WAL checkpoints, moved off the thread that serves requests. A checkpoint copies committed WAL
// frames into the database file and fsyncs both; left to SQLite, the connection that commits past
// `wal_autocheckpoint` (1,000 pages) runs it inside that commit, on the event loop. A task write dirties about
// 30 pages (the row, the audit entry with its indexes, the search index), so every 34th write stalled the
// whole server for the fsyncs, and a commit took 600–830 µs of wall time for 345 µs of CPU (with
// synchronous = OFF: 278 µs). Here a worker thread with a connection of its own checkpoints instead,
// CHECKPOINT_INTERVAL_MS after its last checkpoint ended, and the fsyncs wait on its thread: 830 → 432 µs per
// write transaction.
//
// A passive checkpoint never waits for, or blocks, a writer; but under writes that never pause it never quite
// catches up either, and SQLite starts the WAL over only when a writer finds every frame copied. So the
// writer keeps a checkpoint of its own as a backstop at WRITER_AUTOCHECKPOINT_PAGES: by then the worker has
// copied nearly every frame, the writer's one copies the rest, and the WAL starts over (at about 32 MB of WAL;
// 4 MB with SQLite's default). While the worker's checkpoint holds the checkpoint lock, through its two fsyncs,
// the writer's is refused and tried again at the next commit. So the worker's next checkpoint is timed from
// the end of the last one, never back to back: on a disk whose fsync takes 60 ms (a test with fsync slowed)
// the worker's checkpoints took 160 ms, and on a fixed interval they ran back to back and shut the writer's
// out for up to 1,300 writes of a task (about 33,000 frames; the WAL grew to 150 MB). Timed from the end, it
// started over at most 800 writes apart, mostly 300–500. Durability is SQLite's either way: a checkpoint cut
// short by a crash is redone from the WAL on the next open.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { SqliteDatabase } from './client.js'

export const CHECKPOINT_INTERVAL_MS = 50
export const WRITER_AUTOCHECKPOINT_PAGES = 8000
/** SQLite's own default, restored if the worker cannot run. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000

/** What the worker needs: the driver (resolved here, since an eval'd worker resolves from the cwd) and the file. */
interface CheckpointWorkerData {
  driver: string
  path: string
  synchronous: string
  intervalMs: number
}

// CommonJS run by the worker (eval: true, so it needs no file of its own in the bundle). busy_timeout 0: a
// checkpoint that meets another one (another process's server) gives up at once and runs again next time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { timeout: 0 })
db.pragma('synchronous = ' + workerData.synchronous)
// Each checkpoint is timed from the end of the last, never on a fixed interval (why: the comment at the top).
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // SQLITE_BUSY (another checkpoint is running): the next one tries again.
  }
  timer = setTimeout(checkpoint, workerData.intervalMs)
}
let timer = setTimeout(checkpoint, workerData.intervalMs)
parentPort.once('message', () => {
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
`

export interface BackgroundCheckpoints {
  /** Stops the worker after any checkpoint it is running, and closes its connection. */
  stop(): Promise<void>
}

/** Starts checkpointing `sqlite`'s file from a worker thread; `sqlite` keeps a checkpoint only as a backstop. */
export function startBackgroundCheckpoints(sqlite: SqliteDatabase): BackgroundCheckpoints {
  const workerData: CheckpointWorkerData = {
    driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    path: sqlite.name,
    synchronous: String(sqlite.pragma('synchronous', { simple: true })),
    intervalMs: CHECKPOINT_INTERVAL_MS,
  }
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`)
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData })
  // A worker that fails (it cannot open the file) costs speed, not safety: the writer checkpoints as before.
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve())
    worker.once('error', (error) => {
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`)
      process.emitWarning(
        `SQLite checkpoints stay with the writer: the checkpoint thread failed: ${error.message}`,
      )
    })
  })
  // The server's shutdown stops it; nothing else should wait for it.
  worker.unref()
  return {
    async stop() {
      // Held again while it stops, or a process with nothing else to do would exit before it had.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
