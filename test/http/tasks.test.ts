import t from 'tap'
import { backends } from '../backends/index.js'
import { UNKNOWN_ID } from '../fixtures.js'
import { build } from '../helper.js'

for (const backend of backends) {
  t.test(`${backend.name}: tasks over HTTP`, async (t) => {
    t.test('POST creates with defaults, Location, ETag and the actor on the rationale', async (t) => {
      const app = await build(t, backend)
      const res = await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: { 'x-actor': 'ada' },
        payload: { title: 'Ship it', assignees: ['ada'], rationale: 'users asked' },
      })
      t.equal(res.statusCode, 201)
      const task = res.json()
      t.equal(res.headers.location, `/tasks/${task.id}`)
      t.equal(res.headers.etag, '"1"')
      t.match(task, {
        title: 'Ship it',
        status: 'todo',
        priority: 'medium',
        assignees: ['ada'],
        version: 1,
        rationaleLog: [{ actor: 'ada', text: 'users asked' }],
      })
      t.match(task.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      t.match(task.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

      const got = await app.inject({ method: 'GET', url: `/tasks/${task.id}` })
      t.equal(got.statusCode, 200)
      t.equal(got.headers.etag, '"1"')
      t.same(got.json(), task)
    })

    t.test('GET of an unknown or malformed id', async (t) => {
      const app = await build(t, backend)
      const missing = await app.inject({ method: 'GET', url: `/tasks/${UNKNOWN_ID}` })
      t.equal(missing.statusCode, 404)
      t.match(missing.json(), { code: 'NOT_FOUND', status: 404 })
      t.match(missing.headers['content-type'], /^application\/problem\+json/)
      t.equal((await app.inject({ method: 'GET', url: '/tasks/not-a-uuid' })).statusCode, 400)
    })

    t.test('PATCH needs a version: 428 without, 412 for stale If-Match, 409 for stale body', async (t) => {
      const app = await build(t, backend)
      const { id } = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })).json()
      const patch = (payload: object, headers: Record<string, string> = {}) =>
        app.inject({ method: 'PATCH', url: `/tasks/${id}`, payload, headers })

      const none = await patch({ status: 'done' })
      t.equal(none.statusCode, 428)
      t.equal(none.json().code, 'PRECONDITION_REQUIRED')

      const ok = await patch(
        { status: 'in_progress', rationale: 'started' },
        { 'if-match': '"1"', 'x-actor': 'bob' },
      )
      t.equal(ok.statusCode, 200)
      t.equal(ok.headers.etag, '"2"')
      t.match(ok.json(), {
        status: 'in_progress',
        version: 2,
        rationaleLog: [{ actor: 'bob', text: 'started' }],
      })

      const staleHeader = await patch({ status: 'done' }, { 'if-match': '"1"' })
      t.equal(staleHeader.statusCode, 412)
      t.match(staleHeader.json(), { code: 'VERSION_MISMATCH', currentVersion: 2 })
      t.equal(staleHeader.headers.etag, '"2"')

      const staleBody = await patch({ status: 'done', version: 1 })
      t.equal(staleBody.statusCode, 409)
      t.match(staleBody.json(), { code: 'VERSION_MISMATCH', currentVersion: 2 })

      const weak = await patch({ priority: 'high' }, { 'if-match': 'W/"2"' })
      t.equal(weak.statusCode, 200, 'a weak entity tag names the same version')

      const disagree = await patch({ priority: 'low', version: 2 }, { 'if-match': '"3"' })
      t.equal(disagree.statusCode, 400)
      t.equal((await patch({ priority: 'low' }, { 'if-match': 'garbage' })).statusCode, 400)

      const viaBody = await patch({ title: 'b', version: 3 })
      t.equal(viaBody.statusCode, 200)
      t.equal(viaBody.json().version, 4)

      const unknown = await app.inject({
        method: 'PATCH',
        url: `/tasks/${UNKNOWN_ID}`,
        payload: { title: 'x' },
        headers: { 'if-match': '"1"' },
      })
      t.equal(unknown.statusCode, 404)
    })

    t.test('the rationale log is appended, never rewritten', async (t) => {
      const app = await build(t, backend)
      const { id } = (
        await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a', rationale: 'one' } })
      ).json()
      const res = await app.inject({
        method: 'PATCH',
        url: `/tasks/${id}`,
        payload: { rationale: 'two', version: 1 },
      })
      t.same(
        res.json().rationaleLog.map((e: { text: string }) => e.text),
        ['one', 'two'],
      )
      const rewrite = await app.inject({
        method: 'PATCH',
        url: `/tasks/${id}`,
        payload: { rationaleLog: [], version: 2 },
      })
      t.equal(rewrite.statusCode, 400)
    })

    t.test('DELETE: 428, 409 for a stale ?version, 412 for a stale If-Match, 204, then 404', async (t) => {
      const app = await build(t, backend)
      const { id } = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })).json()
      const bug = (
        await app.inject({
          method: 'POST',
          url: '/bugs',
          payload: { title: 'b', severity: 'low', taskId: id },
        })
      ).json()
      t.equal((await app.inject({ method: 'DELETE', url: `/tasks/${id}` })).statusCode, 428)
      t.equal((await app.inject({ method: 'DELETE', url: `/tasks/${id}?version=2` })).statusCode, 409)
      t.equal(
        (await app.inject({ method: 'DELETE', url: `/tasks/${id}`, headers: { 'if-match': '"2"' } }))
          .statusCode,
        412,
      )
      const gone = await app.inject({ method: 'DELETE', url: `/tasks/${id}?version=1` })
      t.equal(gone.statusCode, 204)
      t.equal(gone.body, '')
      t.equal((await app.inject({ method: 'GET', url: `/tasks/${id}` })).statusCode, 404)
      t.equal((await app.inject({ method: 'DELETE', url: `/tasks/${id}?version=1` })).statusCode, 404)
      t.match((await app.inject({ method: 'GET', url: `/bugs/${bug.id}` })).json(), {
        taskId: null,
        version: 2,
      })
    })

    t.test('lists filter, page with an opaque cursor and reject a bad one', async (t) => {
      const app = await build(t, backend)
      for (let i = 0; i < 5; i++) {
        await app.inject({
          method: 'POST',
          url: '/tasks',
          payload: { title: `t${i}`, status: i % 2 ? 'blocked' : 'todo', assignees: i === 3 ? ['zoe'] : [] },
        })
      }
      const first = (await app.inject({ method: 'GET', url: '/tasks?limit=2' })).json()
      t.same(
        first.items.map((x: { title: string }) => x.title),
        ['t4', 't3'],
      )
      t.type(first.nextCursor, 'string')
      const second = (
        await app.inject({
          method: 'GET',
          url: `/tasks?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
        })
      ).json()
      t.same(
        second.items.map((x: { title: string }) => x.title),
        ['t2', 't1'],
      )
      const last = (
        await app.inject({
          method: 'GET',
          url: `/tasks?limit=2&cursor=${encodeURIComponent(second.nextCursor)}`,
        })
      ).json()
      t.same(last.nextCursor, null)
      t.equal((await app.inject({ method: 'GET', url: '/tasks' })).json().items.length, 5, 'default limit')

      const blocked = (await app.inject({ method: 'GET', url: '/tasks?status=blocked' })).json()
      t.same(
        blocked.items.map((x: { title: string }) => x.title),
        ['t3', 't1'],
      )
      const zoe = (await app.inject({ method: 'GET', url: '/tasks?assignee=zoe' })).json()
      t.same(
        zoe.items.map((x: { title: string }) => x.title),
        ['t3'],
      )
      for (const query of [
        'cursor=nope',
        'limit=0',
        'limit=201',
        'limit=x',
        'status=nope',
        'priority=urgent',
      ]) {
        const res = await app.inject({ method: 'GET', url: `/tasks?${query}` })
        t.equal(res.statusCode, 400, query)
        t.equal(res.json().code, 'VALIDATION_FAILED')
      }
      const forged = Buffer.from(JSON.stringify({ createdAt: 'x', id: 'y' })).toString('base64url')
      t.equal((await app.inject({ method: 'GET', url: `/tasks?cursor=${forged}` })).statusCode, 400)
    })
  })
}
