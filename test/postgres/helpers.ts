// Shared by the PostgreSQL-specific tests (what all tests share is in test/fixtures.ts).
import type { Test } from 'tap'
import { testDatabaseUrl } from '../backends/postgres.js'

/**
 * The admin URL of a real server for tests that only mean something there (pools, locks across connections,
 * restarts); undefined, after a passing note, when TEST_DATABASE_URL is not set.
 */
export function realServer(t: Test): string | undefined {
  if (testDatabaseUrl === undefined) t.pass('needs TEST_DATABASE_URL')
  return testDatabaseUrl
}
