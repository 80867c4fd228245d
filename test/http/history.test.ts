// History and restore of tasks and bugs over HTTP, on every backend: versions (newest first, paged), one
// version exactly as it was answered, ?asOf=, restore with If-Match, undelete, and 410 HISTORY_PRUNED once
// retention has removed the entries a request needs.
import t, { type Test } from 'tap'
import { backends } from '../backends/index.js'
import { allAudit, UNKNOWN_ID, withClock } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'

type Json = Record<string, unknown> & { id: string; version: number }

async function send(app: TestApp, method: string, url: string, payload?: object, ifMatch?: number) {
  return app.inject({
    method: method as 'GET',
    url,
    headers: { 'x-actor': 'ada', ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }) },
    ...(payload === undefined ? {} : { payload }),
  })
}

/** A task through create, two changes and (with `deleted`) a delete: every answer, by version. */
async function taskWithHistory(t: Test, app: TestApp, deleted = false) {
  const answered: Json[] = []
  answered.push(
    (await send(app, 'POST', '/tasks', { title: 'v1', assignees: ['ann'], rationale: 'why' })).json(),
  )
  const id = answered[0]?.id as string
  answered.push((await send(app, 'PATCH', `/tasks/${id}`, { status: 'in_progress' }, 1)).json())
  answered.push(
    (await send(app, 'PATCH', `/tasks/${id}`, { title: 'v3', assignees: [], rationale: 'more' }, 2)).json(),
  )
  if (deleted) t.equal((await send(app, 'DELETE', `/tasks/${id}`, undefined, 3)).statusCode, 204)
  return { id, answered }
}

for (const backend of backends) {
  t.test(`${backend.name}: history and restore of tasks and bugs`, async (t) => {
    t.test('versions: newest first, diffs without version and updatedAt, paged', async (t) => {
      const app = await build(t, backend)
      const { id } = await taskWithHistory(t, app, true)
      const res = await send(app, 'GET', `/tasks/${id}/versions`)
      t.equal(res.statusCode, 200)
      const { items, nextCursor } = res.json()
      t.equal(nextCursor, null)
      t.same(
        items.map((item: Json) => [item.version, item.action, item.actor]),
        [
          [3, 'delete', 'ada'],
          [3, 'update', 'ada'],
          [2, 'update', 'ada'],
          [1, 'create', 'ada'],
        ],
      )
      t.same(items[2].changes, { status: ['todo', 'in_progress'] })
      for (const item of items) {
        t.notOk('version' in item.changes || 'updatedAt' in item.changes, 'bookkeeping fields left out')
        t.match(item.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      }

      const seen: Json[] = []
      let cursor: string | null = null
      do {
        const page: { items: Json[]; nextCursor: string | null } = (
          await send(app, 'GET', `/tasks/${id}/versions?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        ).json()
        seen.push(...page.items)
        cursor = page.nextCursor
      } while (cursor !== null)
      t.same(seen, items, 'pages of 3 join up to the whole list')

      t.equal((await send(app, 'GET', `/tasks/${UNKNOWN_ID}/versions`)).statusCode, 404)
      t.equal((await send(app, 'GET', `/tasks/${id}/versions?cursor=nope`)).statusCode, 400)
      t.equal((await send(app, 'GET', `/tasks/${id}/versions?extra=1`)).statusCode, 400)
    })

    t.test('versions/:n is the task exactly as answered at n, with ETag "n"', async (t) => {
      const app = await build(t, backend)
      const { id, answered } = await taskWithHistory(t, app, true)
      for (const task of answered) {
        const res = await send(app, 'GET', `/tasks/${id}/versions/${task.version}`)
        t.equal(res.statusCode, 200)
        t.equal(res.headers.etag, `"${task.version}"`)
        t.same(res.json(), task, `version ${task.version}`)
      }
      const missing = await send(app, 'GET', `/tasks/${id}/versions/4`)
      t.equal(missing.statusCode, 404)
      t.equal(missing.json().code, 'NOT_FOUND')
      t.equal((await send(app, 'GET', `/tasks/${id}/versions/0`)).statusCode, 400)
    })

    t.test(
      '?asOf= answers the task as it was then; 404 before it existed and after its delete',
      async (t) => {
        const app = await build(t, backend)
        const at = (ms: number) => new Date(ms).toISOString()
        const base = Date.UTC(2026, 0, 1)
        const created = await withClock(t, base, async () =>
          (await send(app, 'POST', '/tasks', { title: 'first' })).json(),
        )
        const changed = await withClock(t, base + 1000, async () =>
          (await send(app, 'PATCH', `/tasks/${created.id}`, { title: 'second' }, 1)).json(),
        )
        await withClock(t, base + 2000, () => send(app, 'DELETE', `/tasks/${created.id}`, undefined, 2))
        const asOf = (ms: number) =>
          send(app, 'GET', `/tasks/${created.id}?asOf=${encodeURIComponent(at(ms))}`)
        t.equal((await asOf(base - 1)).statusCode, 404)
        t.same((await asOf(base)).json(), created)
        t.same((await asOf(base + 999)).json(), created)
        const second = await asOf(base + 1500)
        t.same(second.json(), changed)
        t.equal(second.headers.etag, '"2"')
        t.equal((await asOf(base + 2000)).statusCode, 404, 'deleted by then')
        t.equal((await send(app, 'GET', `/tasks/${created.id}`)).statusCode, 404)
        t.equal((await send(app, 'GET', `/tasks/${created.id}?asOf=yesterday`)).statusCode, 400)
        t.equal((await send(app, 'GET', `/tasks/${UNKNOWN_ID}?asOf=${at(base)}`)).statusCode, 404)
        t.equal((await send(app, 'GET', `/tasks/${created.id}?asOf=2026-12-31T23:59:60Z`)).statusCode, 400)
      },
    )

    t.test('restore with If-Match: a new version with version n fields, audited as update', async (t) => {
      const app = await build(t, backend)
      const { id, answered } = await taskWithHistory(t, app)
      const res = await send(app, 'POST', `/tasks/${id}/restore`, { version: 1 }, 3)
      t.equal(res.statusCode, 200)
      t.equal(res.headers.etag, '"4"')
      const restored = res.json()
      const [v1, , v3] = answered as [Json, Json, Json]
      t.match(restored, { title: v1.title, status: v1.status, priority: v1.priority, version: 4 })
      t.same(restored.assignees, v1.assignees)
      t.same(restored.rationaleLog.slice(0, 2), v3.rationaleLog, 'the log is never rewritten')
      t.match(restored.rationaleLog[2], { actor: 'ada', text: 'restored version 1' })
      t.same((await send(app, 'GET', `/tasks/${id}`)).json(), restored)
      const [entry] = await allAudit(app.repos, { entityId: id })
      t.match(entry, { action: 'update', actor: 'ada', diff: { title: ['v3', 'v1'], version: [3, 4] } })

      const stale = await send(app, 'POST', `/tasks/${id}/restore`, { version: 2 }, 3)
      t.equal(stale.statusCode, 412)
      t.match(stale.json(), { code: 'VERSION_MISMATCH', currentVersion: 4 })
      const unknownVersion = await send(app, 'POST', `/tasks/${id}/restore`, { version: 9 }, 4)
      t.equal(unknownVersion.statusCode, 422)
      t.equal(unknownVersion.json().code, 'REFERENCE_NOT_FOUND')
      t.equal((await send(app, 'POST', `/tasks/${UNKNOWN_ID}/restore`, { version: 1 }, 1)).statusCode, 404)
      t.equal((await send(app, 'POST', `/tasks/${id}/restore`, { version: 1, x: 1 }, 4)).statusCode, 400)
      t.equal((await send(app, 'POST', `/tasks/${id}/restore`, {}, 4)).statusCode, 400)
      t.equal((await allAudit(app.repos, { entityId: id })).length, 4, 'refused restores wrote nothing')
    })

    t.test('undelete: no If-Match, the last state back as version last+1, audited as restore', async (t) => {
      const app = await build(t, backend)
      const { id, answered } = await taskWithHistory(t, app, true)
      const withIfMatch = await send(app, 'POST', `/tasks/${id}/restore`, { version: 3 }, 3)
      t.equal(withIfMatch.statusCode, 404, 'If-Match names a current version, and there is none')

      const res = await send(app, 'POST', `/tasks/${id}/restore`, { version: 3 })
      t.equal(res.statusCode, 200)
      t.equal(res.headers.etag, '"4"')
      const back = res.json()
      const v3 = answered[2] as Json
      const { version: _v, updatedAt: _u, rationaleLog: _r, ...lastFields } = v3
      t.match(back, { ...lastFields, version: 4 })
      t.same(back.rationaleLog, [
        ...(v3.rationaleLog as unknown[]),
        { at: back.updatedAt, actor: 'ada', text: 'restored version 3' },
      ])
      t.same((await send(app, 'GET', `/tasks/${id}`)).json(), back)
      const [entry] = await allAudit(app.repos, { entityId: id })
      t.match(entry, { action: 'restore', entity: 'task', entityId: id, diff: { version: [null, 4] } })
      const versions = (await send(app, 'GET', `/tasks/${id}/versions`)).json().items
      t.same(versions[0], {
        version: 4,
        at: back.updatedAt,
        actor: 'ada',
        action: 'restore',
        changes: versions[0].changes,
      })
      t.same((await send(app, 'GET', `/tasks/${id}/versions/4`)).json(), back)

      const live = await send(app, 'POST', `/tasks/${id}/restore`, { version: 1 })
      t.equal(live.statusCode, 409, 'undelete of a live task')
      t.match(live.json(), { code: 'NOT_DELETED', currentVersion: 4 })
      t.equal((await send(app, 'POST', `/tasks/${UNKNOWN_ID}/restore`, { version: 1 })).statusCode, 404)
    })

    t.test(
      'bugs: restore sets title, severity, status, repro steps and fix; undelete drops a gone task',
      async (t) => {
        const app = await build(t, backend)
        const task = (await send(app, 'POST', '/tasks', { title: 'home' })).json()
        const v1 = (
          await send(app, 'POST', '/bugs', {
            title: 'crash',
            severity: 'high',
            taskId: task.id,
            reproSteps: ['a'],
          })
        ).json()
        await send(
          app,
          'PATCH',
          `/bugs/${v1.id}`,
          { title: 'crash!', status: 'resolved', proposedFix: 'guard' },
          1,
        )
        const restored = (await send(app, 'POST', `/bugs/${v1.id}/restore`, { version: 1 }, 2)).json()
        t.match(restored, { title: 'crash', status: 'open', proposedFix: null, taskId: task.id, version: 3 })
        const same = await send(app, 'POST', `/bugs/${v1.id}/restore`, { version: 1 }, 3)
        t.equal(same.statusCode, 200)
        t.equal(same.json().version, 3, 'restoring what it already is changes nothing, as a no-op PATCH')

        t.equal((await send(app, 'DELETE', `/bugs/${v1.id}`, undefined, 3)).statusCode, 204)
        t.equal((await send(app, 'DELETE', `/tasks/${task.id}`, undefined, 1)).statusCode, 204)
        const back = await send(app, 'POST', `/bugs/${v1.id}/restore`, { version: 2 })
        t.equal(back.statusCode, 200)
        t.match(back.json(), {
          title: 'crash!',
          status: 'resolved',
          proposedFix: 'guard',
          taskId: null,
          version: 4,
        })
        const [entry] = await allAudit(app.repos, { entityId: v1.id })
        t.match(entry, { action: 'restore', entity: 'bug' })
        t.same((await send(app, 'GET', `/bugs/${v1.id}/versions/4`)).json(), back.json())
        t.equal((await send(app, 'POST', `/bugs/${v1.id}/restore`, { version: 1 })).statusCode, 409)
      },
    )

    t.test('410 HISTORY_PRUNED where retention removed the entries a request needs', async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      const app = await build(t, backend, { repos })
      const base = Date.UTC(2026, 0, 1)
      const old = await withClock(t, base, async () =>
        (await send(app, 'POST', '/tasks', { title: 'old' })).json(),
      )
      const gone = await withClock(t, base, async () =>
        (await send(app, 'POST', '/tasks', { title: 'gone' })).json(),
      )
      await withClock(t, base, () => send(app, 'DELETE', `/tasks/${gone.id}`, undefined, 1))
      await withClock(t, base + 1000, () => send(app, 'PATCH', `/tasks/${old.id}`, { title: 'newer' }, 1))
      const kept = await withClock(t, base + 2000, async () =>
        (await send(app, 'POST', '/bugs', { title: 'kept', severity: 'low' })).json(),
      )
      await hooks.deleteAuditThrough(3)

      for (const url of [
        `/tasks/${old.id}/versions`,
        `/tasks/${old.id}/versions/2`,
        `/tasks/${old.id}?asOf=${new Date(base + 1500).toISOString()}`,
        `/tasks/${gone.id}?asOf=${new Date(base).toISOString()}`,
      ]) {
        const res = await send(app, 'GET', url)
        t.equal(res.statusCode, 410, url)
        t.equal(res.json().code, 'HISTORY_PRUNED')
      }
      const restore = await send(app, 'POST', `/tasks/${old.id}/restore`, { version: 1 }, 2)
      t.equal(restore.statusCode, 410)
      t.equal((await send(app, 'GET', `/tasks/${old.id}`)).statusCode, 200, 'the task itself is still there')
      t.equal((await send(app, 'GET', `/tasks/${gone.id}/versions`)).statusCode, 404, 'nothing left to know')
      t.equal(
        (await send(app, 'GET', `/bugs/${kept.id}/versions`)).statusCode,
        200,
        'a later entity keeps its history',
      )
      t.equal(
        (await send(app, 'GET', `/bugs/${kept.id}?asOf=${new Date(base + 2000).toISOString()}`)).statusCode,
        200,
      )

      await hooks.deleteAuditThrough(4)
      const live = await send(app, 'GET', `/tasks/${old.id}/versions`)
      t.equal(live.statusCode, 410, 'a live task with no entry left')
    })
  })
}
