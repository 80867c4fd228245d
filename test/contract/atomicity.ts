// The repository contract, atomicity: a change and its audit entries are stored together or not at all. With
// the audit write made to fail (BackendHooks), every kind of write leaves the storage exactly as it was.
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import type { BackendHooks, TestBackend } from '../backends/types.js'
import { assertContiguousSeq, noteBody, wholeAuditTrail } from '../fixtures.js'

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
