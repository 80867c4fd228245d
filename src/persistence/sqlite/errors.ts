// The SQLite backend's error boundary, with the same names as PostgreSQL's (../postgres/errors.ts): failures
// that say "the database cannot take this now" become 503s with Retry-After; the original error (which may
// name the file or hold SQL) stays out of the message and travels only as `cause`, for logs. Anything else
// (a constraint, a bug) propagates unchanged and becomes a 500. A write that finds another connection holding
// the lock is retried here, on a timer, until the lock-wait budget is spent.
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { serviceUnavailable, type TrailError } from '../../core/errors.js'
import { type AsyncMethods, guardMethods } from '../fault-boundary.js'

const FAULTS: { code: string; detail: string; retryAfterSeconds: number }[] = [
  { code: 'SQLITE_BUSY', detail: 'The database is busy; retry shortly', retryAfterSeconds: 1 },
  { code: 'SQLITE_LOCKED', detail: 'The database is busy; retry shortly', retryAfterSeconds: 1 },
  { code: 'SQLITE_READONLY', detail: 'The database is read-only at the moment', retryAfterSeconds: 30 },
  { code: 'SQLITE_FULL', detail: 'The database is out of space', retryAfterSeconds: 30 },
  { code: 'SQLITE_IOERR', detail: 'The database could not be read or written', retryAfterSeconds: 5 },
  { code: 'SQLITE_CANTOPEN', detail: 'The database cannot be opened', retryAfterSeconds: 30 },
]

/** The longest pause between two attempts at the write lock; the first pauses are shorter (1, 2, 4, … ms). */
const MAX_LOCK_RETRY_PAUSE_MS = 25

/** The SqliteError behind `error`, looking through wrappers such as DrizzleQueryError. */
function sqliteErrorIn(error: unknown): InstanceType<typeof Database.SqliteError> | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof Database.SqliteError) return e
  }
  return undefined
}

/** The 503 for a SQLite fault, or undefined when `error` is no such fault. */
export function serviceFault(error: unknown): TrailError | undefined {
  const code = sqliteErrorIn(error)?.code
  if (code === undefined) return undefined
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …) belong to their primary code.
  const fault = FAULTS.find((f) => code === f.code || code.startsWith(`${f.code}_`))
  if (fault === undefined) return undefined
  const unavailable = serviceUnavailable(fault.detail, fault.retryAfterSeconds)
  unavailable.cause = error
  return unavailable
}

/** The error to throw to the caller: a fault's 503, or the error itself. */
export function toTrailFailure(error: unknown): unknown {
  return serviceFault(error) ?? error
}

/** True when another connection holds the write lock: the whole transaction may simply run again. */
export const isRetryable = (error: unknown) =>
  error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')

/**
 * Runs `work`, again after a growing pause (a timer, so the event loop serves reads meanwhile) while another
 * connection holds the write lock, until `lockWaitMs` is spent; then, or on any other failure, throws
 * `toTrailFailure` of it. `work` must be safe to repeat: a whole transaction, not part of one.
 */
export async function withRetries<T>(work: () => T | Promise<T>, lockWaitMs: number): Promise<T> {
  const deadline = performance.now() + lockWaitMs
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_LOCK_RETRY_PAUSE_MS)) {
    try {
      return await work()
    } catch (error) {
      const left = deadline - performance.now()
      if (!isRetryable(error) || left <= 0) throw toTrailFailure(error)
      await sleep(Math.min(pause, left))
    }
  }
}

/** The same repository, with every method's SQLite faults turned into 503s. */
export function withFaultTranslation<T extends AsyncMethods<T>>(repository: T): T {
  return guardMethods(repository, toTrailFailure)
}
