// The repository contract, the hash chain: every backend links each entry to the one before, serves the head
// and the chain in pages, and every tampering with the stored trail is caught and named by the verifier.
// Retention: a prune archives, records itself and deletes; archive and live trail verify as one chain.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { GENESIS_HASH, link } from '../../src/domains/audit/chain.js'
import type { AuditEntry } from '../../src/domains/audit/schemas.js'
import type { Repos } from '../../src/persistence/contract.js'
import { pruneAudit } from '../../src/retention/prune.js'
import type { TestBackend } from '../backends/types.js'
import { holdRetentionLock, verifyChain, wholeAuditTrail, withClock } from '../fixtures.js'

const BASE = Date.parse('2030-01-01T00:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000

/** Eight entries, one a day from BASE: creates, updates, a status update, a delete. */
async function eightEntries(t: Test, repos: Repos) {
  let day = 0
  const at = <T>(work: () => Promise<T>) => withClock(t, BASE + day++ * DAY, work)
  const a = await at(() => repos.tasks.create({ title: 'a', assignees: ['ann'] }, 'ann'))
  const b = await at(() => repos.tasks.create({ title: 'b' }, 'bob'))
  await at(() => repos.tasks.update(a.id, { status: 'done', rationale: 'shipped' }, 1, 'ann'))
  await at(() => repos.statusUpdates.create({ message: 'halfway', taskId: a.id }, 'bob'))
  await at(() => repos.bugs.create({ title: 'crash', severity: 'high', reproSteps: ['x'] }, 'cy'))
  await at(() => repos.tasks.update(b.id, { title: 'b2' }, 1, 'bob'))
  await at(() =>
    repos.designNotes.create({ title: 'n', context: 'c', decision: 'd', consequences: 'e' }, 'ann'),
  )
  await at(() => repos.tasks.delete(b.id, 2, 'bob'))
}

/** The stored trail, oldest first. */
const oldestFirst = async (repos: Repos) => (await wholeAuditTrail(repos)).reverse()

const tempDir = (t: Test) => {
  const dir = mkdtempSync(join(tmpdir(), 'trail-archive-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export function chainContract(backend: TestBackend) {
  t.test(`${backend.name}: the audit hash chain`, async (t) => {
    t.test('each entry links to the one before; head, oldest kept and pages agree', async (t) => {
      const repos = await backend.open(t)
      t.equal(await repos.audit.head(), undefined, 'an empty trail has no head')
      t.equal((await repos.audit.oldestKept())?.seq, undefined)
      t.same(await verifyChain(repos), { count: 0, failure: undefined })
      await eightEntries(t, repos)
      const entries = await oldestFirst(repos)
      t.equal(entries[0]?.prevHash, GENESIS_HASH, 'the first entry starts from 64 zeros')
      t.same(
        entries,
        link(GENESIS_HASH, entries),
        'every hash is sha256(prevHash + RFC 8785 of the entry) as the API returns it',
      )
      const newest = entries.at(-1) as AuditEntry
      t.same(await repos.audit.head(), { seq: 8, hash: newest.hash, at: newest.at })
      t.equal((await repos.audit.oldestKept())?.seq, 1)
      t.same(await repos.audit.chainPage(2, 3), entries.slice(2, 5), 'pages oldest first after a seq')
      t.same(await repos.audit.chainPage(2, 10, 4), entries.slice(2, 4), 'up to a seq')
      t.equal(await repos.audit.lastSeqBefore(new Date(BASE + 3 * DAY).toISOString()), 3)
      t.equal(await repos.audit.lastSeqBefore(new Date(BASE).toISOString()), undefined)
      t.same(await verifyChain(repos, { pageSize: 3 }), { count: 8, failure: undefined })
      t.same(await verifyChain(repos, { checkpoints: [{ seq: 8, hash: newest.hash }] }), {
        count: 8,
        failure: undefined,
      })
    })

    t.test('concurrent writers: one linear chain, no fork, no gap', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2
            ? repos.statusUpdates.create({ message: `m${i}`, taskId: task.id }, 'ada')
            : repos.tasks.create({ title: `t${i}` }, 'bob'),
        ),
      )
      const entries = await oldestFirst(repos)
      t.same(
        entries.map((entry) => entry.seq),
        Array.from({ length: 51 }, (_, i) => i + 1),
      )
      t.equal(
        new Set(entries.map((entry) => entry.prevHash)).size,
        51,
        'no two entries name the same predecessor',
      )
      t.same(await verifyChain(repos), { count: 51, failure: undefined })
    })

    t.test('tampering is caught and named', async (t) => {
      async function tampered(t: Test) {
        const { repos, hooks } = await backend.openWithHooks(t)
        await eightEntries(t, repos)
        return { repos, hooks, entries: await oldestFirst(repos) }
      }

      t.test('a field of one entry changed', async (t) => {
        const { repos, hooks } = await tampered(t)
        await hooks.tamperAudit({ op: 'set-actor', seq: 4, actor: 'mallory' })
        const { failure } = await verifyChain(repos)
        t.match(failure, { reason: 'changed', seq: 4, source: 'database' })
      })

      t.test('a diff stored as other JSON text of the same value: nothing changed', async (t) => {
        const { repos, hooks, entries } = await tampered(t)
        const diff = (entries[2] as AuditEntry).diff
        const reordered = Object.fromEntries(Object.entries(diff).reverse())
        await hooks.tamperAudit({ op: 'set-diff', seq: 3, diff: JSON.stringify(reordered, null, 2) })
        t.same(await verifyChain(repos), { count: 8, failure: undefined })
        await hooks.tamperAudit({ op: 'set-diff', seq: 3, diff: JSON.stringify({ ...diff, x: [1, 2] }) })
        t.match((await verifyChain(repos)).failure, { reason: 'changed', seq: 3, source: 'database' })
      })

      if (backend.name !== 'memory') {
        // The memory log keeps parsed values: only a database holds text that is no longer JSON.
        t.test('a diff that is no longer JSON: changed, and named', async (t) => {
          const { repos, hooks } = await tampered(t)
          await hooks.tamperAudit({ op: 'set-diff', seq: 5, diff: '{"title":[null,"crash"' })
          const { failure, count } = await verifyChain(repos)
          t.equal(count, 4)
          t.match(failure, {
            reason: 'changed',
            seq: 5,
            source: 'database',
            detail: /its contents cannot be hashed/,
          })
        })
      }

      t.test('an entry deleted from the middle', async (t) => {
        const { repos, hooks } = await tampered(t)
        await hooks.tamperAudit({ op: 'delete', seq: 4 })
        t.match((await verifyChain(repos)).failure, { reason: 'missing', seq: 5, detail: /entries 4–4/ })
      })

      t.test('the newest entry deleted: only a checkpoint shows it', async (t) => {
        const { repos, hooks, entries } = await tampered(t)
        const head = entries.at(-1) as AuditEntry
        await hooks.tamperAudit({ op: 'delete', seq: 8 })
        t.same(await verifyChain(repos), { count: 7, failure: undefined }, 'the shorter chain is consistent')
        const { failure } = await verifyChain(repos, { checkpoints: [{ seq: 8, hash: head.hash }] })
        t.match(failure, { reason: 'checkpoint mismatch', seq: 8, detail: /ends at 7/ })
      })

      t.test('two entries swapped', async (t) => {
        const { repos, hooks } = await tampered(t)
        await hooks.tamperAudit({ op: 'swap', seq: 4 })
        t.match((await verifyChain(repos)).failure, { reason: 'reordered', seq: 4 })
      })

      t.test('the tail rewritten with recomputed hashes: caught by the checkpoint', async (t) => {
        const { repos, hooks, entries } = await tampered(t)
        const head = entries.at(-1) as AuditEntry
        const forged = link(
          (entries[3] as AuditEntry).hash,
          entries.slice(4).map((entry) => ({ ...entry, actor: 'mallory' })),
        )
        await hooks.tamperAudit({ op: 'rewrite', entries: forged })
        t.same(await verifyChain(repos), { count: 8, failure: undefined }, 'alone, the forgery is consistent')
        const { failure } = await verifyChain(repos, { checkpoints: [{ seq: 8, hash: head.hash }] })
        t.match(failure, { reason: 'checkpoint mismatch', seq: 8 })
        const older = await verifyChain(repos, {
          checkpoints: [{ seq: 5, hash: (entries[4] as AuditEntry).hash }],
        })
        t.match(
          older.failure,
          { reason: 'checkpoint mismatch', seq: 5 },
          'an older checkpoint catches it too',
        )
      })

      t.test('one hash recomputed after a change: the next entry still names the old one', async (t) => {
        const { repos, hooks, entries } = await tampered(t)
        const [forged] = link((entries[2] as AuditEntry).hash, [
          { ...(entries[3] as AuditEntry), actor: 'mallory' },
        ])
        await hooks.tamperAudit({ op: 'rewrite', entries: [forged as AuditEntry] })
        t.match((await verifyChain(repos)).failure, {
          reason: 'changed',
          seq: 5,
          detail: /entry 4 was rewritten/,
        })
      })
    })
  })

  t.test(`${backend.name}: audit retention`, async (t) => {
    t.test(
      'prune archives a prefix, records itself, deletes it; archive + trail verify as one',
      async (t) => {
        const repos = await backend.open(t)
        await eightEntries(t, repos)
        const before = await oldestFirst(repos)
        const dir = tempDir(t)
        const cutoff = new Date(BASE + 5 * DAY).toISOString()
        const dry = await pruneAudit(repos.audit, {
          before: cutoff,
          archivePath: join(dir, 'dry.ndjson'),
          actor: 'retention',
          dryRun: true,
        })
        t.same(dry, { resumed: 0, archived: 5, firstSeq: 1, throughSeq: 5 }, 'a dry run counts')
        t.equal((await repos.audit.oldestKept())?.seq, 1, 'and deletes nothing')

        const archive = join(dir, 'a.ndjson')
        const result = await withClock(t, BASE + 9 * DAY, () =>
          pruneAudit(repos.audit, { before: cutoff, archivePath: archive, actor: 'retention', batchSize: 2 }),
        )
        t.match(result, { resumed: 0, archived: 5, firstSeq: 1, throughSeq: 5 })
        t.match(result.entry, {
          seq: 9,
          entity: 'audit',
          action: 'prune',
          actor: 'retention',
          entityId: (before[4] as AuditEntry).id,
          diff: { throughSeq: [null, 5], entries: [null, 5], archiveSha256: [null, result.archiveSha256] },
        })
        t.equal((await repos.audit.oldestKept())?.seq, 6)
        t.same(
          (await repos.audit.list({ filter: {}, limit: 50 })).items.map((entry) => entry.seq),
          [9, 8, 7, 6],
          'the list still works, from the oldest kept entry',
        )
        t.same(await verifyChain(repos, { archives: [archive] }), { count: 9, failure: undefined })
        t.same(
          await verifyChain(repos),
          { count: 4, failure: undefined },
          'without the archive, the prune entry accounts for the cut',
        )
        const task = await repos.tasks.create({ title: 'after' }, 'ann')
        const head = await repos.audit.head()
        t.equal(head?.seq, 10, 'the next write continues the chain')
        t.same(await verifyChain(repos, { archives: [archive] }), { count: 10, failure: undefined })
        t.ok(task)

        const again = await pruneAudit(repos.audit, {
          before: cutoff,
          archivePath: join(dir, 'b.ndjson'),
          actor: 'retention',
        })
        t.same(again, { resumed: 0, archived: 0 }, 'nothing more to prune')
      },
    )

    t.test('a prune stopped after recording itself is finished by the next one', async (t) => {
      const repos = await backend.open(t)
      await eightEntries(t, repos)
      const dir = tempDir(t)
      const cutoff = new Date(BASE + 5 * DAY).toISOString()
      const first = join(dir, 'first.ndjson')
      await t.rejects(
        pruneAudit(repos.audit, {
          before: cutoff,
          archivePath: first,
          actor: 'retention',
          batchSize: 2,
          onStep: (step) => {
            if (step === 'batch-deleted') throw new Error('stopped')
          },
        }),
        /stopped/,
      )
      t.equal((await repos.audit.oldestKept())?.seq, 3, 'one batch went')
      t.same(await verifyChain(repos, { archives: [first] }), { count: 9, failure: undefined })
      const later = new Date(BASE + 7 * DAY).toISOString()
      const second = join(dir, 'second.ndjson')
      const result = await pruneAudit(repos.audit, { before: later, archivePath: second, actor: 'retention' })
      t.match(result, { resumed: 3, archived: 2, firstSeq: 6, throughSeq: 7 })
      t.same(await verifyChain(repos, { archives: [first, second] }), { count: 10, failure: undefined })
      t.same(await verifyChain(repos), { count: 3, failure: undefined })
    })

    t.test('one retention run at a time: another is skipped while one holds the lock', async (t) => {
      const repos = await backend.open(t)
      const holder = await holdRetentionLock(repos)
      t.equal(await repos.audit.asRetentionRunner(async () => 'second'), undefined)
      t.equal(await holder.release(), 'held')
      t.equal(await repos.audit.asRetentionRunner(async () => 'second'), 'second', 'runs once released')
    })

    t.test('a trail cut without a prune entry (or archive) is reported missing', async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      await eightEntries(t, repos)
      await hooks.tamperAudit({ op: 'delete', seq: 1 })
      t.match((await verifyChain(repos)).failure, { reason: 'missing', seq: 2 })
    })
  })
}
