// The repository contract, the audit trail: gap-free seq, filters, seq pages and time windows.
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import type { TestBackend } from '../backends/types.js'
import { allAudit, UNKNOWN_ID, withClock } from '../fixtures.js'

export function auditContract(backend: TestBackend) {
  t.test(`${backend.name}: audit trail`, async (t) => {
    t.test('seq is gap-free and increasing; filters and pages by seq', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a' }, 'ada')
      await repos.tasks.update(task.id, { title: 'b' }, 1, 'bob')
      await repos.statusUpdates.create({ message: 'm' }, 'bob')
      await Promise.all(Array.from({ length: 10 }, (_, i) => repos.tasks.create({ title: `c${i}` }, 'cy')))
      const entries = await allAudit(repos)
      t.same(
        entries.map((e) => e.seq),
        Array.from({ length: 13 }, (_, i) => 13 - i),
      )
      t.same(await repos.audit.get(entries[0]?.id as string), entries[0])
      t.equal(await repos.audit.get(UNKNOWN_ID), undefined)
      t.same(
        (await allAudit(repos, { entityId: task.id })).map((e) => e.action),
        ['update', 'create'],
      )
      t.equal((await allAudit(repos, { actor: 'cy' })).length, 10)
      t.equal((await allAudit(repos, { entity: 'status_update' })).length, 1)
      t.equal((await allAudit(repos, { action: 'update', actor: 'bob' })).length, 1)
      const oldest = entries.at(-1)?.at as string
      t.equal((await allAudit(repos, { until: oldest })).length >= 1, true)
      t.equal((await allAudit(repos, { since: '2999-01-01T00:00:00.000Z' })).length, 0)
      t.equal((await allAudit(repos, { until: '2000-01-01T00:00:00.000Z' })).length, 0)

      const page1 = await repos.audit.list({ filter: {}, limit: 5 })
      t.same(
        page1.items.map((e) => e.seq),
        [13, 12, 11, 10, 9],
      )
      t.same(page1.next, { seq: 9 })
      const page2 = await repos.audit.list({ filter: {}, limit: 5, after: { seq: 9 } })
      t.same(
        page2.items.map((e) => e.seq),
        [8, 7, 6, 5, 4],
      )
    })
  })

  t.test(`${backend.name}: audit time windows`, async (t) => {
    const base = Date.parse('2030-01-01T00:00:00.000Z')
    const iso = (ms: number) => new Date(ms).toISOString()
    /** Seqs of every entry in the window, newest first, read page by page along the cursor. */
    async function windowSeqs(repos: Repos, filter: { since?: string; until?: string; actor?: string }) {
      const seqs: number[] = []
      let after: { seq: number } | undefined
      do {
        const page = await repos.audit.list({ filter, limit: 2, after })
        seqs.push(...page.items.map((e) => e.seq))
        after = page.next ?? undefined
      } while (after !== undefined)
      return seqs
    }

    t.test('since and until select exactly the entries in the window, newest first, by cursor', async (t) => {
      const repos = await backend.open(t)
      // Ten writes one second apart (the backends read the write time from Date.now): seq i + 1 at base + i s.
      for (let i = 0; i < 10; i++) {
        await withClock(t, base + i * 1000, () =>
          repos.statusUpdates.create({ message: `m${i}` }, i % 2 ? 'bob' : 'ada'),
        )
      }
      t.same(
        (await allAudit(repos)).map((e) => e.at),
        Array.from({ length: 10 }, (_, i) => iso(base + (9 - i) * 1000)),
      )
      t.same(await windowSeqs(repos, { since: iso(base + 2500), until: iso(base + 7000) }), [8, 7, 6, 5, 4])
      t.same(await windowSeqs(repos, { since: iso(base + 8000) }), [10, 9], 'since alone, inclusive')
      t.same(await windowSeqs(repos, { until: iso(base + 1000) }), [2, 1], 'until alone, inclusive')
      t.same(await windowSeqs(repos, { since: iso(base + 5000), until: iso(base + 5000) }), [6])
      t.same(
        await windowSeqs(repos, { since: iso(base + 1000), until: iso(base + 6000), actor: 'ada' }),
        [7, 5, 3],
        'with another filter',
      )
      t.same(
        await windowSeqs(repos, { since: iso(base + 5100), until: iso(base + 5900) }),
        [],
        'empty window',
      )
      t.same(await windowSeqs(repos, { until: iso(base - 1) }), [], 'before every entry')
      t.same(await windowSeqs(repos, { since: iso(base - 60_000), until: iso(base - 1) }), [], 'in the past')
      t.same(await windowSeqs(repos, { since: iso(base + 9001) }), [], 'after every entry')
      t.same(
        await windowSeqs(repos, { since: iso(base + 7000), until: iso(base + 2000) }),
        [],
        'since > until',
      )
    })

    t.test(
      'a write is never stamped before the previous entry, even when the clock steps back',
      async (t) => {
        const repos = await backend.open(t)
        const task = await withClock(t, base + 5000, () => repos.tasks.create({ title: 'a' }, 'ada'))
        const updated = await withClock(t, base, () => repos.tasks.update(task.id, { title: 'b' }, 1, 'ada'))
        const [newest, previous] = await allAudit(repos)
        t.equal(newest?.at, iso(base + 5000), 'the previous entry time, not the clock')
        t.equal(previous?.at, iso(base + 5000))
        t.equal(updated.updatedAt, newest?.at, 'the entity time equals its audit entry time')
        t.same(
          await windowSeqs(repos, { since: iso(base + 5000) }),
          [2, 1],
          'nothing is hidden from a window',
        )
      },
    )
  })
}
