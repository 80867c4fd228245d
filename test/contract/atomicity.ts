// The repository contract, atomicity: a change and its audit entries are stored together or not at all. With
// the audit write made to fail (BackendHooks), every kind of write leaves the storage exactly as it was.
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import type { BackendHooks, TestBackend } from '../backends/types.js'
import { assertContiguousSeq, noteBody, verifyChain, wholeAuditTrail } from '../fixtures.js'

const MISSING_TASK = '01900000-0000-7000-8000-000000000000'

/** Everything stored, as the database holds it and as the repositories show it. */
async function everything(repos: Repos, hooks: BackendHooks) {
  const page = { filter: {}, limit: 200 }
  return {
    stored: await hooks.rawRows(),
    tasks: (await repos.tasks.list(page)).items,
    bugs: (await repos.bugs.list(page)).items,
    statusUpdates: (await repos.statusUpdates.list(page)).items,
    designNotes: (await repos.designNotes.list({ ...page, order: 'asc' })).items,
    audit: await wholeAuditTrail(repos),
  }
}

export function atomicityContract(backend: TestBackend) {
  t.test(`${backend.name}: atomicity`, async (t) => {
    t.test('a failing audit insert rolls back every kind of write', async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      const task = await repos.tasks.create({ title: 'kept', assignees: ['ann'] }, 'ada')
      const bug = await repos.bugs.create({ title: 'attached', severity: 'low', taskId: task.id }, 'ada')
      await repos.statusUpdates.create({ message: 'attached', taskId: task.id }, 'ada')
      const note = await repos.designNotes.create(noteBody('old'), 'ada')
      const before = await everything(repos, hooks)

      await hooks.refuseAuditWrites()
      const writes: [string, () => Promise<unknown>][] = [
        ['task create', () => repos.tasks.create({ title: 'new' }, 'bob')],
        ['task update', () => repos.tasks.update(task.id, { title: 'changed', rationale: 'why' }, 1, 'bob')],
        ['task delete (detaching a bug and a status update)', () => repos.tasks.delete(task.id, 1, 'bob')],
        ['bug create', () => repos.bugs.create({ title: 'new', severity: 'high', taskId: task.id }, 'bob')],
        ['bug update', () => repos.bugs.update(bug.id, { taskId: null, status: 'closed' }, 1, 'bob')],
        ['bug delete', () => repos.bugs.delete(bug.id, 1, 'bob')],
        [
          'status update create',
          () => repos.statusUpdates.create({ message: 'new', taskId: task.id }, 'bob'),
        ],
        ['design note create', () => repos.designNotes.create(noteBody('new'), 'bob')],
        ['design note supersede', () => repos.designNotes.create(noteBody('newer', note.id), 'bob')],
      ]
      for (const [name, write] of writes) {
        await t.rejects(write(), hooks.auditRefusal, `${name} fails`)
        t.same(await everything(repos, hooks), before, `${name} leaves everything as it was`)
      }

      await hooks.allowAuditWrites()
      await repos.tasks.update(task.id, { title: 'changed' }, 1, 'ann')
      assertContiguousSeq(t, await wholeAuditTrail(repos))
    })

    t.test('writes asked for together: each succeeds or fails on its own', async (t) => {
      // The SQL backends commit writes that arrive together in one transaction, each in a savepoint.
      const { repos } = await backend.openWithHooks(t)
      const task = await repos.tasks.create({ title: 'first' }, 'ann')

      const [created, stale, second, fresh, missing] = await Promise.allSettled([
        repos.tasks.create({ title: 'a' }, 'ann'),
        repos.tasks.update(task.id, { title: 'stale' }, 7, 'bob'),
        repos.tasks.create({ title: 'b' }, 'ann'),
        repos.tasks.update(task.id, { title: 'fresh' }, 1, 'bob'),
        repos.tasks.update(MISSING_TASK, { title: 'nobody' }, 1, 'bob'),
      ])
      t.match(created, { status: 'fulfilled', value: { title: 'a', version: 1 } })
      t.match(stale, { status: 'rejected', reason: { code: 'VERSION_MISMATCH' } })
      t.match(second, { status: 'fulfilled', value: { title: 'b' } })
      t.match(fresh, { status: 'fulfilled', value: { title: 'fresh', version: 2 } })
      t.match(missing, { status: 'rejected', reason: { code: 'NOT_FOUND' } })

      t.same(
        (await repos.tasks.list({ filter: {}, limit: 10 })).items.map((item) => item.title).sort(),
        ['a', 'b', 'fresh'],
        'the two creates kept, nothing of the failures',
      )
      const trail = await wholeAuditTrail(repos)
      t.equal(trail.length, 4, 'one entry per write that succeeded')
      assertContiguousSeq(t, trail)
      t.same(await verifyChain(repos), { count: 4, failure: undefined }, 'in one unbroken chain')
    })

    t.test('writes asked for together, each refused its audit entry: none is kept', async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      const task = await repos.tasks.create({ title: 'kept' }, 'ada')
      const before = await everything(repos, hooks)

      await hooks.refuseAuditWrites()
      const results = await Promise.allSettled([
        repos.tasks.create({ title: 'new' }, 'bob'),
        repos.tasks.update(task.id, { title: 'changed' }, 1, 'bob'),
        repos.statusUpdates.create({ message: 'new', taskId: task.id }, 'bob'),
      ])
      t.same(
        results.map((result) => result.status),
        ['rejected', 'rejected', 'rejected'],
      )
      t.same(await everything(repos, hooks), before, 'everything as it was')
    })

    t.test(
      'a task delete whose last audit entry fails keeps the detached bugs and status updates attached',
      async (t) => {
        const { repos, hooks } = await backend.openWithHooks(t)
        const task = await repos.tasks.create({ title: 'parent' }, 'ann')
        await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ann')
        await repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ann')
        const before = await everything(repos, hooks)

        // The detach entries are appended first; only the task's own delete entry is refused.
        await hooks.refuseAuditWrites({ action: 'delete' })
        await t.rejects(repos.tasks.delete(task.id, 1, 'ann'), hooks.auditRefusal)
        t.same(await everything(repos, hooks), before)

        await hooks.allowAuditWrites()
        await repos.tasks.delete(task.id, 1, 'ann')
        t.equal((await repos.bugs.list({ filter: {}, limit: 10 })).items[0]?.taskId, null)
        assertContiguousSeq(t, await wholeAuditTrail(repos))
      },
    )
  })
}
