// `trail backup`: an online copy of the live SQLite file through SQLite's backup API. The copy reads like any
// other reader (in WAL mode writers go on meanwhile) and holds one consistent state of the database.
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { DEFAULT_BUSY_TIMEOUT_MS } from './client.js'

export interface BackupProgress {
  totalPages: number
  remainingPages: number
}

export interface BackupOptions {
  /** Pages copied per step, between which the event loop runs; the default copies 4 MiB at a time. */
  pagesPerStep?: number
}

const PAGES_PER_STEP = 1024
/** The most better-sqlite3 passes to sqlite3_backup_step: everything that is left, in one step. */
const ALL_REMAINING = 0x7fffffff

/**
 * Copies the database at `sourcePath` to the new file `outPath` while other processes may be writing it;
 * `onProgress` hears after each step how far it is. Never overwrites: an existing `outPath` is an error.
 */
export async function backupSqlite(
  sourcePath: string,
  outPath: string,
  onProgress?: (progress: BackupProgress) => void,
  options: BackupOptions = {},
): Promise<{ pages: number }> {
  if (!existsSync(sourcePath))
    throw new Error(`${sourcePath} does not exist: there is no database to back up`)
  mkdirSync(dirname(outPath), { recursive: true })
  try {
    // Creating the file exclusively claims the name, so not even a file created a moment ago is overwritten.
    closeSync(openSync(outPath, 'wx'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new Error(`${outPath} already exists: a backup goes to a new file and never overwrites one`)
  }

  let source: Database.Database | undefined
  try {
    source = new Database(sourcePath, {
      readonly: true,
      fileMustExist: true,
      timeout: DEFAULT_BUSY_TIMEOUT_MS,
    })
    const pagesPerStep = options.pagesPerStep ?? PAGES_PER_STEP
    let remaining = Number.POSITIVE_INFINITY
    const { totalPages } = await source.backup(outPath, {
      progress(progress) {
        onProgress?.(progress)
        // SQLite starts the copy over when another connection writes between two steps (a step always
        // leaves fewer pages than the one before, so the count not falling means it started over). Under
        // steady writes that could go on forever, so the rest is then copied in one step: one read
        // transaction, which in WAL mode holds no writer up.
        const restarted = progress.remainingPages >= remaining
        remaining = progress.remainingPages
        return restarted ? ALL_REMAINING : pagesPerStep
      },
    })
    return { pages: totalPages }
  } catch (error) {
    rmSync(outPath, { force: true })
    rmSync(`${outPath}-journal`, { force: true })
    throw error
  } finally {
    source?.close()
  }
}
