// Two service instances (two pools) on one database: the guarantees the API makes to concurrent clients hold
// across processes, not just within one.
import t, { type Test } from 'tap'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { scratchDatabase } from '../backends/postgres.js'
import { assertContiguousSeq, codeOf, noteBody, wholeAuditTrail } from '../fixtures.js'
import { realServer } from './helpers.js'

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  /** Two instances sharing one fresh database, each with a pool of its own. */
  async function twoInstances(t: Test) {
    const url = await scratchDatabase(t, adminUrl as string)
    const instances = await Promise.all([1, 2].map(() => openPostgresRepos({ url, poolSize: 5 })))
    for (const repos of instances) t.teardown(() => repos.close())
    return instances as [(typeof instances)[0], (typeof instances)[0]]
  }

  t.test('50 concurrent updates holding one version: exactly one wins', async (t) => {
    const [a, b] = await twoInstances(t)
    const task = await a.tasks.create({ title: 'contended' }, 'ada')
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).tasks.update(task.id, { title: `writer ${i}` }, 1, `writer-${i}`),
      ),
    )
    t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one success')
    const losers = results.filter((r) => r.status === 'rejected').map((r) => r.reason)
    t.equal(losers.length, 49)
    t.ok(
      losers.every((e) => e.code === 'VERSION_MISMATCH' && e.extra.currentVersion === 2),
      'every other writer gets VERSION_MISMATCH naming the current version',
    )
    t.equal((await b.tasks.get(task.id))?.version, 2)
    t.equal((await a.audit.list({ filter: { action: 'update' }, limit: 200 })).items.length, 1)
  })

  t.test('two concurrent supersedes of one note: one success, one ALREADY_SUPERSEDED', async (t) => {
    const [a, b] = await twoInstances(t)
    for (let round = 0; round < 10; round++) {
      const old = await a.designNotes.create(noteBody(`old ${round}`), 'ada')
      const results = await Promise.allSettled([
        a.designNotes.create(noteBody(`by a ${round}`, old.id), 'ada'),
        b.designNotes.create(noteBody(`by b ${round}`, old.id), 'bob'),
      ])
      t.same(results.map(codeOf).sort(), ['ALREADY_SUPERSEDED', 'ok'], `round ${round}`)
      const winner = results.find((r) => r.status === 'fulfilled')
      t.equal((await b.designNotes.get(old.id))?.supersededBy, winner?.value.id)
    }
    const notes = await a.designNotes.list({ filter: {}, order: 'asc', limit: 200 })
    t.equal(notes.items.length, 20, 'the losing notes were not written')
  })

  t.test('audit seq stays unique and contiguous under concurrent writes from both instances', async (t) => {
    const [a, b] = await twoInstances(t)
    const task = await a.tasks.create({ title: 'home' }, 'ada')
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const repos = i % 2 ? a : b
        switch (i % 3) {
          case 0:
            return repos.tasks.create({ title: `task ${i}` }, 'ada')
          case 1:
            return repos.bugs.create({ title: `bug ${i}`, severity: 'low', taskId: task.id }, 'bob')
          default:
            return repos.statusUpdates.create({ message: `update ${i}`, taskId: task.id }, 'cy')
        }
      }),
    )
    const entries = await wholeAuditTrail(b)
    t.equal(entries.length, 61)
    assertContiguousSeq(t, entries)
  })

  t.test(
    'a task deleted while bugs are attached to it: each bug ends detached and audited, or refused',
    async (t) => {
      const [a, b] = await twoInstances(t)
      const task = await a.tasks.create({ title: 'doomed' }, 'ada')
      const creates = Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).bugs.create({ title: `bug ${i}`, severity: 'low', taskId: task.id }, 'bob'),
      )
      const [deleted, ...results] = await Promise.allSettled([b.tasks.delete(task.id, 1, 'ada'), ...creates])
      t.equal(deleted?.status, 'fulfilled')
      t.ok(
        results.every((r) => codeOf(r) === 'ok' || codeOf(r) === 'REFERENCE_NOT_FOUND'),
        'a bug create either succeeds or finds the task gone',
      )
      const bugs = (await a.bugs.list({ filter: {}, limit: 200 })).items
      t.equal(bugs.length, results.filter((r) => r.status === 'fulfilled').length)
      const audit = await wholeAuditTrail(a)
      for (const bug of bugs) {
        t.equal(bug.taskId, null)
        t.equal(bug.version, 2, 'detached through the rules, not by the foreign key alone')
        t.ok(
          audit.some((e) => e.entityId === bug.id && e.action === 'update'),
          'and the detach is audited',
        )
      }
      assertContiguousSeq(t, audit)
    },
  )

  t.test('two instances writing at once: audit `at` never goes backwards along seq', async (t) => {
    const [a, b] = await twoInstances(t)
    const tasks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).tasks.create({ title: `task ${i}` }, 'ada')),
    )
    // Creates, updates and status updates from both instances at once, each instance with its own pool.
    await Promise.all(
      tasks.flatMap((task, i) => [
        (i % 2 ? b : a).tasks.update(task.id, { status: 'in_progress' }, 1, 'bob'),
        ...Array.from({ length: 10 }, (_, j) =>
          (j % 2 ? a : b).statusUpdates.create({ message: `m${j}`, taskId: task.id }, 'cy'),
        ),
      ]),
    )
    const audit = (await wholeAuditTrail(a)).reverse()
    t.equal(audit.length, 20 + 20 + 200)
    const backwards = audit.filter((entry, i) => i > 0 && entry.at < (audit[i - 1] as { at: string }).at)
    t.same(
      backwards.map((entry) => entry.seq),
      [],
      'each entry is at or after the one before it',
    )
    // Entities carry their audit entry's time.
    for (const task of tasks) {
      const current = await a.tasks.get(task.id)
      const update = audit.find((entry) => entry.entityId === task.id && entry.action === 'update')
      t.equal(current?.updatedAt, update?.at)
    }
    assertContiguousSeq(t, audit.reverse())
  })
}
