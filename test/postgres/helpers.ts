// Shared by the PostgreSQL-specific tests.
import type { Test } from 'tap'
import type { SeqKey } from '../../src/core/paging.js'
import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import type { Repos } from '../../src/persistence/contract.js'
import { testDatabaseUrl } from '../backends/postgres.js'

/**
 * The admin URL of a real server for tests that only mean something there (pools, locks across connections,
 * restarts); undefined, after a passing note, when TEST_DATABASE_URL is not set.
 */
export function realServer(t: Test): string | undefined {
  if (testDatabaseUrl === undefined) t.pass('needs TEST_DATABASE_URL')
  return testDatabaseUrl
}

/** The whole audit trail, newest first, paging through it. */
export async function wholeAuditTrail(repos: Repos): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = []
  let after: SeqKey | undefined
  do {
    const page = await repos.audit.list({ filter: {}, limit: 200, after })
    entries.push(...page.items)
    after = page.next ?? undefined
  } while (after !== undefined)
  return entries
}

/** Asserts the audit trail is numbered N..1, newest first, without a gap or a repeat. */
export function assertContiguousSeq(t: Test, entries: AuditEntry[]) {
  t.same(
    entries.map((entry) => entry.seq),
    Array.from({ length: entries.length }, (_, i) => entries.length - i),
    `audit seq runs 1..${entries.length} without gaps or repeats`,
  )
}

export const noteBody = (title: string, supersedes?: string) => ({
  title,
  context: 'context',
  decision: 'decision',
  consequences: 'consequences',
  ...(supersedes === undefined ? {} : { supersedes }),
})

export const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as { code?: string }).code : 'ok'
