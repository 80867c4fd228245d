// The repository contract, history: an entity's entries in seq order, the oldest entry kept, and restore as a
// write (compare-and-set, undelete, refusals that write nothing), on every backend.
import t from 'tap'
import type { TestBackend } from '../backends/types.js'
import { allAudit, rejectsWith, UNKNOWN_ID } from '../fixtures.js'

export function historyContract(backend: TestBackend) {
  t.test(`${backend.name}: history`, async (t) => {
    t.test("history is one entity's entries, oldest first; oldestKept is the lowest seq", async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      t.equal(await repos.audit.oldestKept(), undefined, 'an empty trail')
      const task = await repos.tasks.create({ title: 'a' }, 'ada')
      const bug = await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ada')
      await repos.tasks.update(task.id, { title: 'a2' }, 1, 'bob')
      await repos.tasks.delete(task.id, 2, 'bob')
      const entries = await repos.audit.history('task', task.id)
      t.same(
        entries.map((e) => [e.seq, e.action, e.actor]),
        [
          [1, 'create', 'ada'],
          [3, 'update', 'bob'],
          [5, 'delete', 'bob'],
        ],
      )
      t.same(entries, (await allAudit(repos, { entityId: task.id })).reverse(), 'the entries the list holds')
      t.same(
        (await repos.audit.history('bug', bug.id)).map((e) => e.action),
        ['create', 'update'],
        'the bug detached by the delete',
      )
      t.same(await repos.audit.history('bug', task.id), [], 'by entity and id')
      t.same(await repos.audit.history('task', UNKNOWN_ID), [])
      const first = (await allAudit(repos)).at(-1)
      t.same(await repos.audit.oldestKept(), { seq: 1, at: first?.at })
      await hooks.deleteAuditThrough(2)
      const third = (await allAudit(repos)).find((e) => e.seq === 3)
      t.same(await repos.audit.oldestKept(), { seq: 3, at: third?.at })
      t.same(
        (await repos.audit.history('task', task.id)).map((e) => e.seq),
        [3, 5],
      )
    })

    t.test('restore of a live task: compare-and-set, one update entry', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'one', priority: 'low' }, 'ada')
      await repos.tasks.update(task.id, { title: 'two', priority: 'high' }, 1, 'ada')
      await rejectsWith(t, repos.tasks.restore(task.id, 1, 1, 'bob'), 'VERSION_MISMATCH', {
        extra: { currentVersion: 2 },
      })
      await rejectsWith(t, repos.tasks.restore(task.id, 1, undefined, 'bob'), 'NOT_DELETED')
      await rejectsWith(t, repos.tasks.restore(task.id, 3, 2, 'bob'), 'REFERENCE_NOT_FOUND')
      await rejectsWith(t, repos.tasks.restore(UNKNOWN_ID, 1, 1, 'bob'), 'NOT_FOUND')
      t.equal((await allAudit(repos)).length, 2, 'refusals write nothing')
      const restored = await repos.tasks.restore(task.id, 1, 2, 'bob')
      t.match(restored, { title: 'one', priority: 'low', version: 3 })
      t.same(await repos.tasks.get(task.id), restored)
      const [entry] = await allAudit(repos)
      t.match(entry, { action: 'update', actor: 'bob', at: restored.updatedAt })
    })

    t.test('undelete recreates the task and its assignees, audited as restore', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'gone', assignees: ['ann', 'bob'] }, 'ada')
      await repos.tasks.delete(task.id, 1, 'ada')
      await rejectsWith(t, repos.tasks.restore(task.id, 1, 1, 'ada'), 'NOT_FOUND')
      const back = await repos.tasks.restore(task.id, 1, undefined, 'cy')
      t.match(back, { id: task.id, title: 'gone', version: 2, createdAt: task.createdAt })
      t.same(await repos.tasks.get(task.id), back)
      t.same(
        (await repos.tasks.list({ filter: { assignee: 'bob' }, limit: 10 })).items.map((x) => x.id),
        [task.id],
        'found by assignee again',
      )
      const [entry] = await allAudit(repos)
      t.match(entry, { action: 'restore', actor: 'cy', entityId: task.id })
      t.same(entry?.diff.version, [null, 2])
    })

    t.test('undelete of a bug whose task is gone points at no task', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      const bug = await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ada')
      await repos.bugs.delete(bug.id, 1, 'ada')
      const kept = await repos.bugs.restore(bug.id, 1, undefined, 'ada')
      t.equal(kept.taskId, task.id, 'its task is still there')
      await repos.bugs.delete(bug.id, 2, 'ada')
      await repos.tasks.delete(task.id, 1, 'ada')
      const back = await repos.bugs.restore(bug.id, 1, undefined, 'ada')
      t.match(back, { taskId: null, version: 3 })
      t.same(await repos.bugs.get(bug.id), back)
    })
  })
}
