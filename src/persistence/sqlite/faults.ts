// SQLite failures that say "the database cannot take this now" become 503s with Retry-After; the original
// error (which may name the file or hold SQL) stays out of the message and travels only as `cause`, for logs.
// Anything else (a constraint, a bug) propagates unchanged and becomes a 500.
import Database from 'better-sqlite3'
import { serviceUnavailable, type TrailError } from '../../core/errors.js'

const FAULTS: { code: string; detail: string; retryAfterSeconds: number }[] = [
  { code: 'SQLITE_BUSY', detail: 'The database is busy; retry shortly', retryAfterSeconds: 1 },
  { code: 'SQLITE_LOCKED', detail: 'The database is busy; retry shortly', retryAfterSeconds: 1 },
  { code: 'SQLITE_READONLY', detail: 'The database is read-only at the moment', retryAfterSeconds: 30 },
  { code: 'SQLITE_FULL', detail: 'The database is out of space', retryAfterSeconds: 30 },
  { code: 'SQLITE_IOERR', detail: 'The database could not be read or written', retryAfterSeconds: 5 },
  { code: 'SQLITE_CANTOPEN', detail: 'The database cannot be opened', retryAfterSeconds: 30 },
]

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

export function translateFault(error: unknown): unknown {
  return serviceFault(error) ?? error
}

type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> }

/** The same repository, with every method's SQLite faults turned into 503s. */
export function withFaultTranslation<T extends AsyncMethods<T>>(repository: T): T {
  const guarded: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(repository) as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][]) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method(...args)
      } catch (error) {
        throw translateFault(error)
      }
    }
  }
  return guarded as T
}
