// The repository contract suite: every backend runs exactly these behaviours (memory, SQLite, PostgreSQL).

import type { Test } from 'tap'
import t from 'tap'
import type { CreatedKey } from '../../src/core/paging.js'
import type { TaskChanges } from '../../src/domains/tasks/schemas.js'
import type { Repos } from '../../src/persistence/contract.js'
import type { TestBackend } from '../backends/types.js'

const PAGE = { limit: 50 }

async function allAudit(repos: Repos, filter = {}) {
  return (await repos.audit.list({ filter, limit: 200 })).items
}

/** Runs `work` with `Date.now` (the clock every backend stamps writes with) reading `ms`. */
async function withClock<T>(t: Test, ms: number, work: () => Promise<T>): Promise<T> {
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

async function rejectsWith(
  t: Test,
  promise: Promise<unknown>,
  code: string,
  extra: Record<string, unknown> = {},
) {
  await t.rejects(promise, { code, ...extra }, `rejects with ${code}`)
}

export function runContractSuite(backend: TestBackend) {
  const open = (t: Test) => backend.open(t)

  t.test(`${backend.name}: tasks`, async (t) => {
    t.test('create applies defaults, stamps the rationale and audits every field', async (t) => {
      const repos = await open(t)
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
      const repos = await open(t)
      t.equal(await repos.tasks.get('0190b1d4-0000-7000-8000-000000000000'), undefined)
    })

    t.test('update is a compare-and-set that bumps the version and audits only what changed', async (t) => {
      const repos = await open(t)
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
      await rejectsWith(
        t,
        repos.tasks.update('0190b1d4-0000-7000-8000-000000000000', {}, 1, 'x'),
        'NOT_FOUND',
      )
      t.equal((await allAudit(repos)).length, 2, 'rejected writes append nothing')
    })

    t.test('a change to any one field alone is a new version with a one-field diff', async (t) => {
      const repos = await open(t)
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
      const repos = await open(t)
      const task = await repos.tasks.create({ title: 'a', assignees: ['x', 'y'] }, 'ada')
      const same = await repos.tasks.update(task.id, { assignees: ['x', 'y'] }, 1, 'ada')
      t.same(same, task)
      t.equal((await allAudit(repos)).length, 1, 'no audit entry')
      const reordered = await repos.tasks.update(task.id, { assignees: ['y', 'x'] }, 1, 'ada')
      t.equal(reordered.version, 2, 'order is part of the value')
    })

    t.test('an update that changes nothing keeps the version and writes no audit entry', async (t) => {
      const repos = await open(t)
      const task = await repos.tasks.create({ title: 'a', priority: 'high' }, 'ada')
      const same = await repos.tasks.update(task.id, { title: 'a', priority: 'high' }, 1, 'ada')
      t.same(same, task)
      t.equal((await allAudit(repos)).length, 1)
    })

    t.test('the rationale log only grows', async (t) => {
      const repos = await open(t)
      const task = await repos.tasks.create({ title: 'a', rationale: 'one' }, 'ada')
      const next = await repos.tasks.update(task.id, { rationale: 'two' }, 1, 'bob')
      t.same(
        next.rationaleLog.map((e) => e.text),
        ['one', 'two'],
      )
    })

    t.test('concurrent updates holding one version: exactly one wins', async (t) => {
      const repos = await open(t)
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
        const repos = await open(t)
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
      const repos = await open(t)
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
      const repos = await open(t)
      await repos.tasks.create({ title: 'a' }, 'ada')
      await repos.tasks.create({ title: 'b' }, 'ada')
      t.equal((await repos.tasks.list({ filter: {}, limit: 2 })).next, null)
    })
  })

  t.test(`${backend.name}: bugs`, async (t) => {
    t.test('create with defaults; an unknown task is a reference error that writes nothing', async (t) => {
      const repos = await open(t)
      const bug = await repos.bugs.create({ title: 'crash', severity: 'high' }, 'ada')
      t.match(bug, { status: 'open', taskId: null, reproSteps: [], proposedFix: null, version: 1 })
      t.same(await repos.bugs.get(bug.id), bug)
      await rejectsWith(
        t,
        repos.bugs.create(
          { title: 'x', severity: 'low', taskId: '0190b1d4-0000-7000-8000-000000000000' },
          'ada',
        ),
        'REFERENCE_NOT_FOUND',
      )
      t.equal((await repos.bugs.list({ filter: {}, ...PAGE })).items.length, 1)
      t.equal((await allAudit(repos)).length, 1)
    })

    t.test('update and delete compare-and-set; update checks the task reference', async (t) => {
      const repos = await open(t)
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
      await rejectsWith(
        t,
        repos.bugs.update(bug.id, { taskId: '0190b1d4-0000-7000-8000-000000000000' }, 3, 'bob'),
        'REFERENCE_NOT_FOUND',
      )
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
      const repos = await open(t)
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
      const repos = await open(t)
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
      const repos = await open(t)
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

  t.test(`${backend.name}: status updates`, async (t) => {
    t.test('create, get, and list newest first by task, actor and since', async (t) => {
      const repos = await open(t)
      const task = await repos.tasks.create({ title: 'home' }, 'ada')
      const a = await repos.statusUpdates.create({ message: 'one', taskId: task.id }, 'ada')
      const b = await repos.statusUpdates.create({ message: 'two' }, 'bob')
      const c = await repos.statusUpdates.create({ message: 'three', taskId: task.id }, 'bob')
      t.match(a, { actor: 'ada', taskId: task.id, message: 'one' })
      t.equal(b.taskId, null)
      t.same(await repos.statusUpdates.get(c.id), c)
      const messages = async (filter: object) =>
        (await repos.statusUpdates.list({ filter, ...PAGE })).items.map((u) => u.message)
      t.same(await messages({}), ['three', 'two', 'one'])
      t.same(await messages({ taskId: task.id }), ['three', 'one'])
      t.same(await messages({ actor: 'bob' }), ['three', 'two'])
      const sinceC = (await repos.statusUpdates.list({ filter: { since: c.createdAt }, ...PAGE })).items
      t.equal(sinceC[0]?.id, c.id, 'since includes its own instant')
      t.ok(
        sinceC.every((u) => u.createdAt >= c.createdAt),
        'since excludes earlier updates',
      )
      t.same(await messages({ since: '2999-01-01T00:00:00.000Z' }), [])
      await rejectsWith(
        t,
        repos.statusUpdates.create({ message: 'x', taskId: '0190b1d4-0000-7000-8000-000000000000' }, 'ada'),
        'REFERENCE_NOT_FOUND',
      )
      t.same(
        (await allAudit(repos, { entity: 'status_update' })).map((e) => e.entityId),
        [c.id, b.id, a.id],
      )
    })

    t.test('pages through many updates without gaps or repeats', async (t) => {
      const repos = await open(t)
      const ids = []
      for (let i = 0; i < 25; i++)
        ids.push((await repos.statusUpdates.create({ message: `m${i}` }, 'ada')).id)
      const seen: string[] = []
      let after: CreatedKey | undefined
      do {
        const page = await repos.statusUpdates.list({ filter: {}, limit: 4, after })
        seen.push(...page.items.map((u) => u.id))
        after = page.next ?? undefined
      } while (after)
      t.same(seen, ids.reverse())
    })
  })

  t.test(`${backend.name}: design notes`, async (t) => {
    const note = (title: string, supersedes?: string) => ({
      title,
      context: 'ctx',
      decision: 'dec',
      consequences: 'cons',
      ...(supersedes === undefined ? {} : { supersedes }),
    })

    t.test('supersede writes both notes and two audit entries atomically', async (t) => {
      const repos = await open(t)
      const first = await repos.designNotes.create(note('Use SQLite'), 'ada')
      t.match(first, { actor: 'ada', supersededBy: null, title: 'Use SQLite' })
      const second = await repos.designNotes.create(note('Use PostgreSQL', first.id), 'bob')
      t.equal(second.supersededBy, null)
      t.equal((await repos.designNotes.get(first.id))?.supersededBy, second.id)
      const entries = await allAudit(repos)
      t.match(entries[0], {
        action: 'supersede',
        entityId: first.id,
        actor: 'bob',
        diff: { supersededBy: [null, second.id] },
      })
      t.match(entries[1], { action: 'create', entityId: second.id })

      await rejectsWith(t, repos.designNotes.create(note('again', first.id), 'bob'), 'ALREADY_SUPERSEDED')
      await rejectsWith(
        t,
        repos.designNotes.create(note('ghost', '0190b1d4-0000-7000-8000-000000000000'), 'bob'),
        'REFERENCE_NOT_FOUND',
      )
      t.equal(
        (await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE })).items.length,
        2,
        'nothing written',
      )
      t.equal((await allAudit(repos)).length, 3)
    })

    t.test('concurrent supersedes of one note: one wins', async (t) => {
      const repos = await open(t)
      const old = await repos.designNotes.create(note('old'), 'ada')
      const results = await Promise.allSettled([
        repos.designNotes.create(note('a', old.id), 'ada'),
        repos.designNotes.create(note('b', old.id), 'bob'),
      ])
      t.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
      t.match(
        results.find((r) => r.status === 'rejected'),
        { reason: { code: 'ALREADY_SUPERSEDED' } },
      )
      t.equal((await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE })).items.length, 2)
    })

    t.test('lists oldest first by default, newest first on request, filtered by state', async (t) => {
      const repos = await open(t)
      const a = await repos.designNotes.create(note('a'), 'ada')
      await repos.designNotes.create(note('b'), 'ada')
      await repos.designNotes.create(note('c', a.id), 'ada')
      const titles = async (request: object) =>
        (await repos.designNotes.list({ filter: {}, order: 'asc', ...PAGE, ...request })).items.map(
          (n) => n.title,
        )
      t.same(await titles({}), ['a', 'b', 'c'])
      t.same(await titles({ order: 'desc' }), ['c', 'b', 'a'])
      t.same(await titles({ filter: { state: 'active' } }), ['b', 'c'])
      t.same(await titles({ filter: { state: 'superseded' } }), ['a'])
      const page = await repos.designNotes.list({ filter: {}, order: 'asc', limit: 2 })
      t.same(
        (
          await repos.designNotes.list({ filter: {}, order: 'asc', limit: 2, after: page.next as CreatedKey })
        ).items.map((n) => n.title),
        ['c'],
      )
    })
  })

  t.test(`${backend.name}: audit trail`, async (t) => {
    t.test('seq is gap-free and increasing; filters and pages by seq', async (t) => {
      const repos = await open(t)
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
      t.equal(await repos.audit.get('0190b1d4-0000-7000-8000-000000000000'), undefined)
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
      const repos = await open(t)
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
        const repos = await open(t)
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

  t.test(`${backend.name}: health`, async (t) => {
    const repos = await open(t)
    const health = await repos.health()
    t.ok(Number.isInteger(health.schemaVersion) && health.schemaVersion >= 1)
  })
}

export function runTokenSuite(backend: TestBackend) {
  t.test(`${backend.name}: API tokens`, async (t) => {
    const repos = await backend.open(t)
    t.equal(await repos.tokens.exists(), false, 'no token at first')
    const admin = await repos.tokens.create({
      actor: 'ada',
      role: 'admin',
      secretHash: 'a'.repeat(64),
      expiresAt: null,
    })
    t.match(admin, { actor: 'ada', role: 'admin', lastUsedAt: null, expiresAt: null, revokedAt: null })
    t.notOk('secretHash' in admin, 'the hash is not handed back')
    const viewer = await repos.tokens.create({
      actor: 'vic',
      role: 'viewer',
      secretHash: 'b'.repeat(64),
      expiresAt: '2999-01-01T00:00:00.000Z',
    })
    t.equal(await repos.tokens.exists(), true)
    t.same(await repos.tokens.findBySecretHash('b'.repeat(64)), viewer)
    t.equal(await repos.tokens.findBySecretHash('c'.repeat(64)), undefined)
    t.same(
      (await repos.tokens.list()).map((token) => token.actor),
      ['ada', 'vic'],
    )
    await repos.tokens.touch(viewer.id, '2026-11-26T12:00:00.000Z')
    t.equal((await repos.tokens.findBySecretHash('b'.repeat(64)))?.lastUsedAt, '2026-11-26T12:00:00.000Z')
    const revoked = await repos.tokens.revoke(admin.id, '2026-11-26T12:00:01.000Z')
    t.equal(revoked?.revokedAt, '2026-11-26T12:00:01.000Z')
    t.equal(
      (await repos.tokens.revoke(admin.id, '2026-11-27T00:00:00.000Z'))?.revokedAt,
      '2026-11-26T12:00:01.000Z',
    )
    t.equal(
      await repos.tokens.revoke('0190b1d4-0000-7000-8000-000000000000', '2026-11-26T12:00:00.000Z'),
      undefined,
    )
    t.equal(await repos.tokens.exists(), true, 'a revoked token still means tokens are in use')
    t.equal(
      (await repos.audit.list({ filter: {}, limit: 10 })).items.length,
      0,
      'tokens are not audited entities',
    )
  })
}
