// The repository contract, bugs: defaults, task references, compare-and-set, null-keeping diffs, filters.
import t from 'tap'
import type { TestBackend } from '../backends/types.js'
import { allAudit, PAGE, rejectsWith, UNKNOWN_ID } from '../fixtures.js'

export function bugsContract(backend: TestBackend) {
  t.test(`${backend.name}: bugs`, async (t) => {
    t.test('create with defaults; an unknown task is a reference error that writes nothing', async (t) => {
      const repos = await backend.open(t)
      const bug = await repos.bugs.create({ title: 'crash', severity: 'high' }, 'ada')
      t.match(bug, { status: 'open', taskId: null, reproSteps: [], proposedFix: null, version: 1 })
      t.same(await repos.bugs.get(bug.id), bug)
      await rejectsWith(
        t,
        repos.bugs.create({ title: 'x', severity: 'low', taskId: UNKNOWN_ID }, 'ada'),
        'REFERENCE_NOT_FOUND',
      )
      t.equal((await repos.bugs.list({ filter: {}, ...PAGE })).items.length, 1)
      t.equal((await allAudit(repos)).length, 1)
    })

    t.test('update and delete compare-and-set; update checks the task reference', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      const bug = await repos.bugs.create({ title: 'b', severity: 'low', reproSteps: ['one'] }, 'ada')
      const next = await repos.bugs.update(
        bug.id,
        { taskId: task.id, reproSteps: ['one', 'two'], proposedFix: 'patch it', status: 'in_progress' },
        1,
        'bob',
      )
      t.match(next, { taskId: task.id, reproSteps: ['one', 'two'], proposedFix: 'patch it', version: 2 })
      const cleared = await repos.bugs.update(bug.id, { proposedFix: null, taskId: null }, 2, 'bob')
      t.match(cleared, { proposedFix: null, taskId: null, version: 3 })
      await rejectsWith(t, repos.bugs.update(bug.id, { taskId: UNKNOWN_ID }, 3, 'bob'), 'REFERENCE_NOT_FOUND')
      await rejectsWith(t, repos.bugs.update(bug.id, { title: 'z' }, 1, 'bob'), 'VERSION_MISMATCH')
      await rejectsWith(t, repos.bugs.delete(bug.id, 2, 'bob'), 'VERSION_MISMATCH')
      await repos.bugs.delete(bug.id, 3, 'bob')
      t.equal(await repos.bugs.get(bug.id), undefined)
      t.same(
        (await allAudit(repos, { entity: 'bug' })).map((e) => e.action),
        ['delete', 'update', 'update', 'create'],
      )
    })

    t.test('create and delete diffs keep fields whose value is null', async (t) => {
      const repos = await backend.open(t)
      const bug = await repos.bugs.create({ title: 'b', severity: 'low' }, 'ada')
      await repos.bugs.delete(bug.id, 1, 'ada')
      const [deleted, created] = await allAudit(repos, { entity: 'bug' })
      t.same(created?.diff.taskId, [null, null])
      t.same(created?.diff.proposedFix, [null, null])
      t.same(deleted?.diff.taskId, [null, null])
      t.same(deleted?.diff.proposedFix, [null, null])
      t.same(deleted?.diff.title, ['b', null])
    })

    t.test('resending equal repro steps is not a change; one field alone is', async (t) => {
      const repos = await backend.open(t)
      const bug = await repos.bugs.create({ title: 'b', severity: 'low', reproSteps: ['one'] }, 'ada')
      t.same(await repos.bugs.update(bug.id, { reproSteps: ['one'] }, 1, 'ada'), bug)
      const next = await repos.bugs.update(bug.id, { severity: 'high' }, 1, 'ada')
      t.equal(next.version, 2)
      const [entry] = await allAudit(repos, { action: 'update' })
      t.same(
        Object.keys(entry?.diff ?? {})
          .filter((key) => key !== 'updatedAt')
          .sort(),
        ['severity', 'version'],
      )
    })

    t.test('filters by severity, status and task', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      await repos.bugs.create({ title: 'a', severity: 'low', taskId: task.id }, 'ada')
      await repos.bugs.create({ title: 'b', severity: 'high', status: 'resolved' }, 'ada')
      await repos.bugs.create({ title: 'c', severity: 'high', taskId: task.id }, 'ada')
      const titles = async (filter: object) =>
        (await repos.bugs.list({ filter, ...PAGE })).items.map((b) => b.title)
      t.same(await titles({}), ['c', 'b', 'a'])
      t.same(await titles({ severity: 'high' }), ['c', 'b'])
      t.same(await titles({ status: 'resolved' }), ['b'])
      t.same(await titles({ taskId: task.id }), ['c', 'a'])
      t.same(await titles({ taskId: task.id, severity: 'low' }), ['a'])
    })
  })
}
