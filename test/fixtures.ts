// What many tests share: ids, request bodies, a seeded database, and ways to read and check the audit trail.
// One place, so a newcomer writing a test finds them here rather than in a backend's folder.
import type { Test } from 'tap'
import type { Role } from '../src/auth/schemas.js'
import { hashSecret, newSecret } from '../src/auth/tokens.js'
import type { SeqKey } from '../src/core/paging.js'
import type { AuditEntry } from '../src/domains/audit/schemas.js'
import type { Checkpoint } from '../src/domains/audit/verify.js'
import type { Repos } from '../src/persistence/contract.js'
import { verifyTrail } from '../src/retention/verify-trail.js'
import type { TestApp } from './helper.js'

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '0190b1d4-0000-7000-8000-000000000000'

/** A design note's body; with `supersedes`, one that replaces that note. */
export const noteBody = (title: string, supersedes?: string) => ({
  title,
  context: 'context',
  decision: 'decision',
  consequences: 'consequences',
  ...(supersedes === undefined ? {} : { supersedes }),
})

/** A bit of everything: deleted and changed tasks, detached bugs and updates, a chain of superseded notes. */
export async function seedRepos(repos: Repos) {
  const kept = await repos.tasks.create({ title: 'kept', assignees: ['ann'], rationale: 'why' }, 'ann')
  const doomed = await repos.tasks.create({ title: 'doomed', priority: 'high' }, 'bob')
  const other = await repos.tasks.create({ title: 'other' }, 'bob')
  await repos.tasks.update(kept.id, { status: 'in_progress', rationale: 'started' }, 1, 'ann')
  const bug = await repos.bugs.create(
    { title: 'crash', severity: 'high', taskId: kept.id, reproSteps: ['a', 'b'] },
    'ann',
  )
  await repos.bugs.create({ title: 'orphan', severity: 'low' }, 'bob')
  await repos.bugs.create({ title: 'on doomed', severity: 'medium', taskId: doomed.id }, 'bob')
  const gone = await repos.bugs.create({ title: 'gone', severity: 'low' }, 'bob')
  await repos.bugs.update(bug.id, { status: 'resolved', proposedFix: 'guard' }, 1, 'ann')
  await repos.bugs.delete(gone.id, 1, 'bob')
  await repos.statusUpdates.create({ message: 'on kept', taskId: kept.id }, 'ann')
  await repos.statusUpdates.create({ message: 'no task' }, 'bob')
  await repos.statusUpdates.create({ message: 'on doomed', taskId: doomed.id }, 'bob')
  await repos.tasks.delete(doomed.id, 1, 'bob')
  const first = await repos.designNotes.create(noteBody('n'), 'ann')
  const second = await repos.designNotes.create(noteBody('n2', first.id), 'ann')
  await repos.designNotes.create(noteBody('n'), 'bob')
  await repos.designNotes.create(noteBody('n3', second.id), 'ann')
  return { kept, other }
}

/** A token of `role` stored for `app`, with its secret and the header that presents it. */
export async function tokenFor(
  app: TestApp,
  role: Role,
  extra: { expiresAt?: string | null; actor?: string } = {},
) {
  const secret = newSecret()
  const token = await app.repos.tokens.create({
    actor: extra.actor ?? `${role}-person`,
    role,
    secretHash: hashSecret(secret),
    expiresAt: extra.expiresAt ?? null,
  })
  return { secret, token, headers: { authorization: `Bearer ${secret}` } }
}

/** A list request's page size where every row fits on one page. */
export const PAGE = { limit: 50 }

/** The newest 200 audit entries matching `filter`, newest first. */
export async function allAudit(repos: Repos, filter = {}) {
  return (await repos.audit.list({ filter, limit: 200 })).items
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

/** Runs `work` with `Date.now` (the clock every backend stamps writes with) reading `ms`. */
export async function withClock<T>(t: Test, ms: number, work: () => Promise<T>): Promise<T> {
  const real = Date.now
  t.teardown(() => {
    Date.now = real
  })
  Date.now = () => ms
  try {
    return await work()
  } finally {
    Date.now = real
  }
}

/** Asserts `promise` rejects with a trail error of `code` (and `extra` fields). */
export async function rejectsWith(
  t: Test,
  promise: Promise<unknown>,
  code: string,
  extra: Record<string, unknown> = {},
) {
  await t.rejects(promise, { code, ...extra }, `rejects with ${code}`)
}

/** The code of a settled write's failure, or 'ok'. */
export const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as { code?: string }).code : 'ok'

/** Verifies the whole stored chain (after `archives`): its entry count, and the first failure if any. */
export async function verifyChain(
  repos: Repos,
  options: { archives?: string[]; checkpoints?: Checkpoint[]; pageSize?: number } = {},
) {
  const result = await verifyTrail(repos.audit, options)
  return result.ok
    ? { count: result.count, failure: undefined }
    : { count: result.count, failure: result.failure }
}

/**
 * Takes `repos`' retention lock and holds it, as a prune in progress does, until `release()` (which resolves
 * once the holding run has ended).
 */
export async function holdRetentionLock(repos: Repos): Promise<{ release: () => Promise<unknown> }> {
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  let holding: () => void = () => {}
  const locked = new Promise<void>((resolve) => {
    holding = resolve
  })
  const run = repos.audit.asRetentionRunner(async () => {
    holding()
    await held
    return 'held'
  })
  await Promise.race([locked, run])
  return {
    release: () => {
      release()
      return run
    },
  }
}
