// How database failures reach callers: retried, turned into a 503, or passed through untouched.
import t from 'tap'
import { notFound } from '../../src/core/errors.js'
import {
  describeConnectionFailure,
  describeMigrationFailure,
  isConnectionFailure,
  MAX_ATTEMPTS,
  withRetries,
} from '../../src/persistence/postgres/errors.js'

/** An error shaped like node-postgres's (SQLSTATE in `code`), wrapped as Drizzle wraps a failed query. */
const failedQuery = (code: string, message = 'boom') =>
  new Error('Failed query: select secret_column from tasks\nparams: p4ssword', {
    cause: Object.assign(new Error(message), { code }),
  })

t.test('serialization failures and deadlocks are retried, then reported as a 503', async (t) => {
  for (const code of ['40001', '40P01']) {
    let attempts = 0
    t.equal(
      await withRetries(async () => {
        if (++attempts < MAX_ATTEMPTS) throw failedQuery(code)
        return 'done'
      }),
      'done',
      `${code}: succeeds on the last attempt`,
    )
    attempts = 0
    await t.rejects(
      withRetries(async () => {
        attempts++
        throw failedQuery(code)
      }),
      { code: 'SERVICE_UNAVAILABLE', status: 503, headers: { 'retry-after': '1' } },
    )
    t.equal(attempts, MAX_ATTEMPTS, `${code}: gives up after ${MAX_ATTEMPTS} attempts`)
  }
})

t.test('an unreachable or restarting database is a 503 that names no SQL, host or secret', async (t) => {
  const unavailable = [
    Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }),
    failedQuery('57P01', 'terminating connection due to administrator command'),
    failedQuery('57P03', 'the database system is starting up'),
    failedQuery('08006'),
    failedQuery('53300', 'sorry, too many clients already'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
  ]
  for (const error of unavailable) {
    t.ok(isConnectionFailure(error), error.message)
    const failure = await withRetries(() => Promise.reject(error)).catch((e: Error) => e)
    t.match(failure, { code: 'SERVICE_UNAVAILABLE', status: 503 })
    t.notMatch(failure.message, /10\.0\.0\.7|5432|select|p4ssword/)
  }
})

t.test(
  'request errors pass through; a refusal by the database names itself without SQL or values',
  async (t) => {
    const missing = notFound('Task', 'x')
    t.equal(await withRetries(() => Promise.reject(missing)).catch((e) => e), missing)
    const ownError = new Error('a bug in the caller')
    t.equal(await withRetries(() => Promise.reject(ownError)).catch((e) => e), ownError)
    const uniqueViolation = failedQuery(
      '23505',
      'duplicate key value violates unique constraint "tasks_pkey"',
    )
    t.notOk(isConnectionFailure(uniqueViolation))
    const failure = await withRetries(() => Promise.reject(uniqueViolation)).catch((e) => e)
    t.equal(
      failure.message,
      'the database refused the operation (23505: duplicate key value violates unique constraint "tasks_pkey")',
    )
    t.equal(failure.cause, uniqueViolation, 'the original stays reachable as the cause')
  },
)

t.test('start-up failures name host and port and keep the password out', async (t) => {
  const url = 'postgres://trail:s3cret@db.internal:6543/trail'
  t.equal(
    describeConnectionFailure(
      url,
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ),
    'cannot reach PostgreSQL at db.internal:6543 (ECONNREFUSED)',
  )
  t.equal(
    describeConnectionFailure(
      'postgres://trail:s3cret@db.internal/trail',
      Object.assign(new Error('password authentication failed for user "trail"'), { code: '28P01' }),
    ),
    'PostgreSQL at db.internal:5432 refused the connection (28P01: password authentication failed for user "trail")',
  )
  t.equal(
    describeConnectionFailure(
      url,
      Object.assign(new Error('database "trail" does not exist'), { code: '3D000' }),
    ),
    'PostgreSQL at db.internal:6543 refused the connection (3D000: database "trail" does not exist)',
  )
  t.equal(
    describeMigrationFailure(url, failedQuery('42501', 'permission denied for database trail')),
    'migrating PostgreSQL at db.internal:6543 failed (42501: permission denied for database trail)',
    'a rejected migration names neither its SQL nor its parameters',
  )
})
