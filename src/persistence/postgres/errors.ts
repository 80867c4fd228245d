// The PostgreSQL backend's error boundary, with the same names as SQLite's (../sqlite/errors.ts): a database
// that is down or restarting becomes a 503 the client may retry; serialization failures and deadlocks are
// retried here a bounded number of times first. Messages name neither SQL, host nor credentials: Drizzle's
// own errors carry the query and its parameters.
import { isTrailError, serviceUnavailable, type TrailError } from '../../core/errors.js'
import { type AsyncMethods, guardMethods } from '../fault-boundary.js'

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE_STATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
])

/** SQLSTATEs and classes that mean "the database cannot take requests now", not "this request is wrong". */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or recovering
  '25006', // read_only_sql_transaction: a standby, e.g. during a failover
])
const UNAVAILABLE_CLASSES = [
  '08', // connection exception
  '53', // insufficient resources: too many connections, disk full, out of memory
]

/** Socket-level failures Node reports while connecting or talking to the server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** node-postgres reports a lost connection or a pool wait that timed out only in its message. */
const CONNECTION_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed/i

export const MAX_ATTEMPTS = 3

/** The error's `code` (a SQLSTATE or a Node errno name), looking through Drizzle's wrapping `cause`s. */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Object && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
  }
  return undefined
}

function causes(error: unknown): Error[] {
  const chain: Error[] = []
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e)
  return chain
}

export function isRetryable(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && RETRYABLE_STATES.has(code)
}

/** True when the failure is about reaching the database rather than about the request. */
export function isConnectionFailure(error: unknown): boolean {
  if (isTrailError(error)) return false
  const code = errorCode(error)
  if (code !== undefined) {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code)) return true
    if (UNAVAILABLE_CLASSES.some((prefix) => code.startsWith(prefix))) return true
  }
  // AggregateError (several addresses refused) carries the codes on its members.
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure)
  return causes(error).some((e) => CONNECTION_MESSAGE.test(e.message))
}

/** A SQLSTATE (five characters), as opposed to a Node errno name or no code at all. */
const isSqlState = (code: string | undefined): code is string =>
  code !== undefined && /^[0-9A-Z]{5}$/.test(code)

/** The 503 for a database that cannot be reached now, or undefined when `error` is no such fault. */
export function serviceFault(error: unknown): TrailError | undefined {
  return isConnectionFailure(error)
    ? serviceUnavailable('The database cannot be reached; retry later')
    : undefined
}

/**
 * The error to throw to the caller: unavailability becomes a 503; any other refusal by the database becomes an
 * Error saying what it refused, without the SQL and values Drizzle puts in its message (the original is the
 * `cause`); anything else (TrailErrors, errors from the caller's own code) passes through.
 */
export function toTrailFailure(error: unknown): unknown {
  const fault = serviceFault(error)
  if (fault !== undefined) return fault
  const code = errorCode(error)
  if (isTrailError(error) || !isSqlState(code)) return error
  return new Error(`the database refused the operation (${code}: ${firstLine(error)})`, { cause: error })
}

/**
 * Runs `work`, again after a serialization failure or deadlock (at most MAX_ATTEMPTS in all), and turns
 * database unavailability into a 503. `work` must be safe to repeat: a whole transaction, not part of one.
 */
export async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isRetryable(error)) throw toTrailFailure(error)
      if (attempt >= MAX_ATTEMPTS) {
        throw serviceUnavailable('The database is busy with conflicting writes; retry later')
      }
    }
  }
}

/** The same repository, with every method's failures passed through `toTrailFailure`. */
export function withFaultTranslation<T extends AsyncMethods<T>>(repository: T): T {
  return guardMethods(repository, toTrailFailure)
}

/** A one-line start-up error for a database that cannot be used: host and port, never the password. */
export function describeConnectionFailure(url: string, error: unknown): string {
  const where = serverAddress(url)
  const code = errorCode(error)
  if (isConnectionFailure(error) || code === undefined) {
    return `cannot reach PostgreSQL at ${where} (${code ?? firstLine(error)})`
  }
  // Server-reported refusals (bad password, unknown database) carry a message without secrets.
  return `PostgreSQL at ${where} refused the connection (${code}: ${firstLine(error)})`
}

/** A one-line error for a migration the server rejected (e.g. a role without the needed privileges). */
export function describeMigrationFailure(url: string, error: unknown): string {
  return `migrating PostgreSQL at ${serverAddress(url)} failed (${errorCode(error) ?? 'error'}: ${firstLine(error)})`
}

function serverAddress(url: string): string {
  try {
    const { hostname, port } = new URL(url)
    return `${hostname || 'localhost'}:${port || '5432'}`
  } catch {
    return 'the configured DATABASE_URL'
  }
}

function firstLine(error: unknown): string {
  const innermost = causes(error).at(-1)
  return (innermost?.message ?? String(error)).split('\n')[0] ?? 'unknown error'
}
