// The repository contract, tasks: create, update as compare-and-set, delete that detaches, keyset lists.
import t from 'tap'
import type { CreatedKey } from '../../src/core/paging.js'
import type { TaskChanges } from '../../src/domains/tasks/schemas.js'
import type { TestBackend } from '../backends/types.js'
import { allAudit, PAGE, rejectsWith, UNKNOWN_ID } from '../fixtures.js'

export function tasksContract(backend: TestBackend) {
  t.test(`${backend.name}: tasks`, async (t) => {
    t.test('create applies defaults, stamps the rationale and audits every field', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'Write the contract', rationale: 'because' }, 'ada')
      t.match(task, {
        title: 'Write the contract',
        status: 'todo',
        priority: 'medium',
        assignees: [],
        version: 1,
        rationaleLog: [{ actor: 'ada', text: 'because', at: task.createdAt }],
      })
      t.equal(task.updatedAt, task.createdAt)
      t.same(await repos.tasks.get(task.id), task)
      const [entry, ...rest] = await allAudit(repos)
      t.equal(rest.length, 0)
      t.match(entry, {
        seq: 1,
        actor: 'ada',
        entity: 'task',
        entityId: task.id,
        action: 'create',
        at: task.createdAt,
      })
      t.same(entry?.diff.title, [null, 'Write the contract'])
      t.same(entry?.diff.version, [null, 1])
      t.same(entry?.diff.assignees, [null, []])
    })

    t.test('get of an unknown id is undefined', async (t) => {
      const repos = await backend.open(t)
      t.equal(await repos.tasks.get(UNKNOWN_ID), undefined)
    })

    t.test('update is a compare-and-set that bumps the version and audits only what changed', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a', assignees: ['x'] }, 'ada')
      const next = await repos.tasks.update(task.id, { status: 'done', rationale: 'shipped' }, 1, 'bob')
      t.equal(next.version, 2)
      t.equal(next.status, 'done')
      t.equal(next.rationaleLog.length, 1)
      t.match(next.rationaleLog[0], { actor: 'bob', text: 'shipped' })
      t.same(await repos.tasks.get(task.id), next)
      const [entry] = await allAudit(repos, { action: 'update' })
      t.match(entry?.diff, {
        status: ['todo', 'done'],
        version: [1, 2],
        rationaleLog: [[], [{ text: 'shipped' }]],
      })
      t.notOk(
        'title' in (entry?.diff ?? {}) || 'assignees' in (entry?.diff ?? {}),
        'unchanged fields are left out',
      )
      t.same(entry?.diff.status, ['todo', 'done'])
      t.equal(entry?.actor, 'bob')

      await rejectsWith(t, repos.tasks.update(task.id, { title: 'b' }, 1, 'bob'), 'VERSION_MISMATCH', {
        extra: { currentVersion: 2 },
      })
      await rejectsWith(t, repos.tasks.update(UNKNOWN_ID, {}, 1, 'x'), 'NOT_FOUND')
      t.equal((await allAudit(repos)).length, 2, 'rejected writes append nothing')
    })

    t.test('a change to any one field alone is a new version with a one-field diff', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a', assignees: ['x'] }, 'ada')
      const changes: [TaskChanges, string, unknown][] = [
        [{ title: 'b' }, 'title', ['a', 'b']],
        [{ status: 'done' }, 'status', ['todo', 'done']],
        [{ priority: 'low' }, 'priority', ['medium', 'low']],
        [{ assignees: ['x', 'y'] }, 'assignees', [['x'], ['x', 'y']]],
      ]
      let version = 1
      for (const [change, field, expected] of changes) {
        const next = await repos.tasks.update(task.id, change, version, 'bob')
        t.equal(next.version, version + 1, `${field} alone bumps the version`)
        version = next.version
        const [entry] = await allAudit(repos, { action: 'update' })
        // updatedAt changes too unless the clock has not moved since the last write.
        const fields = Object.keys(entry?.diff ?? {}).filter((key) => key !== 'updatedAt')
        t.same(fields.sort(), [field, 'version'].sort(), `${field}: only it and the version are in the diff`)
        t.same(entry?.diff[field], expected)
      }
    })

    t.test('resending equal assignees (a new array with the same items) is not a change', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a', assignees: ['x', 'y'] }, 'ada')
      const same = await repos.tasks.update(task.id, { assignees: ['x', 'y'] }, 1, 'ada')
      t.same(same, task)
      t.equal((await allAudit(repos)).length, 1, 'no audit entry')
      const reordered = await repos.tasks.update(task.id, { assignees: ['y', 'x'] }, 1, 'ada')
      t.equal(reordered.version, 2, 'order is part of the value')
    })

    t.test('an update that changes nothing keeps the version and writes no audit entry', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a', priority: 'high' }, 'ada')
      const same = await repos.tasks.update(task.id, { title: 'a', priority: 'high' }, 1, 'ada')
      t.same(same, task)
      t.equal((await allAudit(repos)).length, 1)
    })

    t.test('the rationale log only grows', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'a', rationale: 'one' }, 'ada')
      const next = await repos.tasks.update(task.id, { rationale: 'two' }, 1, 'bob')
      t.same(
        next.rationaleLog.map((e) => e.text),
        ['one', 'two'],
      )
    })

    t.test('concurrent updates holding one version: exactly one wins', async (t) => {
      const repos = await backend.open(t)
      const task = await repos.tasks.create({ title: 'race' }, 'ada')
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => repos.tasks.update(task.id, { title: `w${i}` }, 1, `w${i}`)),
      )
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      t.equal(
        results.filter(
          (r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'VERSION_MISMATCH',
        ).length,
        19,
      )
      t.equal((await allAudit(repos, { action: 'update' })).length, 1)
    })

    t.test(
      'delete needs the current version and detaches bugs and status updates, auditing each',
      async (t) => {
        const repos = await backend.open(t)
        const task = await repos.tasks.create({ title: 'doomed' }, 'ada')
        const bug = await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ada')
        const update = await repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ada')
        await rejectsWith(t, repos.tasks.delete(task.id, 7, 'ada'), 'VERSION_MISMATCH')
        await repos.tasks.delete(task.id, 1, 'bob')
        t.equal(await repos.tasks.get(task.id), undefined)
        const detachedBug = await repos.bugs.get(bug.id)
        t.match(detachedBug, { taskId: null, version: 2 })
        t.match(await repos.statusUpdates.get(update.id), { taskId: null, message: 'm' })
        const entries = await allAudit(repos)
        const deleteEntry = entries.find((e) => e.action === 'delete')
        t.match(deleteEntry, { entity: 'task', entityId: task.id, actor: 'bob' })
        t.same(deleteEntry?.diff.title, ['doomed', null])
        t.match(
          entries.find((e) => e.entity === 'bug' && e.action === 'update'),
          { entityId: bug.id, diff: { taskId: [task.id, null] } },
        )
        t.match(
          entries.find((e) => e.entity === 'status_update' && e.action === 'update'),
          { entityId: update.id, diff: { taskId: [task.id, null] } },
        )
        await rejectsWith(t, repos.tasks.delete(task.id, 1, 'bob'), 'NOT_FOUND')
      },
    )

    t.test('lists newest first with filters and stable keyset pages', async (t) => {
      const repos = await backend.open(t)
      const created = []
      for (let i = 0; i < 7; i++) {
        created.push(
          await repos.tasks.create(
            {
              title: `t${i}`,
              status: i % 2 ? 'done' : 'todo',
              priority: i < 3 ? 'high' : 'low',
              assignees: i === 4 ? ['ann', 'bo'] : [],
            },
            'ada',
          ),
        )
      }
      const newestFirst = [...created].reverse().map((x) => x.id)
      const first = await repos.tasks.list({ filter: {}, limit: 3 })
      t.same(
        first.items.map((x) => x.id),
        newestFirst.slice(0, 3),
      )
      t.ok(first.next)
      // A row added while paging must not shift the pages that follow.
      await repos.tasks.create({ title: 'late' }, 'ada')
      const second = await repos.tasks.list({ filter: {}, limit: 3, after: first.next as CreatedKey })
      t.same(
        second.items.map((x) => x.id),
        newestFirst.slice(3, 6),
      )
      const third = await repos.tasks.list({ filter: {}, limit: 3, after: second.next as CreatedKey })
      t.same(
        third.items.map((x) => x.id),
        newestFirst.slice(6),
      )
      t.equal(third.next, null)

      t.same(
        (await repos.tasks.list({ filter: { status: 'done' }, ...PAGE })).items.map((x) => x.title),
        ['t5', 't3', 't1'],
      )
      t.same(
        (await repos.tasks.list({ filter: { priority: 'high', status: 'todo' }, ...PAGE })).items.map(
          (x) => x.title,
        ),
        ['t2', 't0'],
      )
      t.same(
        (await repos.tasks.list({ filter: { assignee: 'bo' }, ...PAGE })).items.map((x) => x.title),
        ['t4'],
      )
      t.same((await repos.tasks.list({ filter: { assignee: 'b' }, ...PAGE })).items, [])
    })

    t.test('a page of exactly the limit has no next page', async (t) => {
      const repos = await backend.open(t)
      await repos.tasks.create({ title: 'a' }, 'ada')
      await repos.tasks.create({ title: 'b' }, 'ada')
      t.equal((await repos.tasks.list({ filter: {}, limit: 2 })).next, null)
    })
  })
}
