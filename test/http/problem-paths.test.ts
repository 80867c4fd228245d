// The `errors` of a 400 problem body, pinned path by path: clients point at the offending field with them, so a
// refactor of the routes, cursors or concurrency checks must not move or drop one.
import type { InjectOptions } from 'fastify'
import t, { type Test } from 'tap'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

const seqCursor = (seq: unknown) => Buffer.from(JSON.stringify({ seq })).toString('base64url')
const LEAP_SECOND = '2016-12-31T23:59:60Z'

for (const backend of backends) {
  t.test(`${backend.name}: the paths in 400 problem bodies`, async (t) => {
    const app = await build(t, backend)
    const task = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'a' } })).json()
    const bug = (
      await app.inject({ method: 'POST', url: '/bugs', payload: { title: 'b', severity: 'low' } })
    ).json()

    const expect400 = async (
      t: Test,
      name: string,
      request: InjectOptions,
      errors: { path: string; message?: string }[],
    ) => {
      const res = await app.inject(request)
      t.equal(res.statusCode, 400, name)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', name)
      const body = res.json()
      t.equal(body.code, 'VALIDATION_FAILED', name)
      t.same(
        body.errors.map((error: { path: string }) => error.path),
        errors.map((error) => error.path),
        `${name}: ${errors.map((error) => error.path).join(', ')}`,
      )
      for (const [i, error] of errors.entries()) {
        t.match(body.errors[i].message, error.message ?? /\S/, `${name}: a message for ${error.path}`)
      }
    }

    t.test('a malformed cursor on every list', async (t) => {
      for (const url of ['/tasks', '/bugs', '/status-updates', '/design-notes', '/audit-entries']) {
        await expect400(t, `${url} cursor`, { method: 'GET', url: `${url}?cursor=abc` }, [
          { path: '/querystring/cursor', message: 'is malformed' },
        ])
      }
      for (const seq of [0, 2_147_483_648, '1']) {
        await expect400(
          t,
          `audit seq ${seq}`,
          { method: 'GET', url: `/audit-entries?cursor=${seqCursor(seq)}` },
          [{ path: '/querystring/cursor', message: 'is malformed' }],
        )
      }
      const aTaskCursor = Buffer.from(JSON.stringify({ createdAt: task.createdAt, id: task.id })).toString(
        'base64url',
      )
      await expect400(
        t,
        'a task cursor on the audit trail',
        { method: 'GET', url: `/audit-entries?cursor=${aTaskCursor}` },
        [{ path: '/querystring/cursor' }],
      )
      await expect400(
        t,
        'an audit cursor on tasks',
        { method: 'GET', url: `/tasks?cursor=${seqCursor(1)}` },
        [{ path: '/querystring/cursor' }],
      )
    })

    t.test('a time no Date can hold names its parameter', async (t) => {
      await expect400(
        t,
        'status updates since',
        { method: 'GET', url: `/status-updates?since=${LEAP_SECOND}` },
        [{ path: '/querystring/since', message: 'must be a valid date-time' }],
      )
      for (const field of ['since', 'until']) {
        await expect400(
          t,
          `audit ${field}`,
          { method: 'GET', url: `/audit-entries?${field}=${LEAP_SECOND}` },
          [{ path: `/querystring/${field}`, message: 'must be a valid date-time' }],
        )
      }
    })

    t.test('query, params and body fields that fail the schema', async (t) => {
      await expect400(t, 'limit', { method: 'GET', url: '/tasks?limit=0' }, [{ path: '/querystring/limit' }])
      await expect400(t, 'id', { method: 'GET', url: '/tasks/not-a-uuid' }, [{ path: '/params/id' }])
      await expect400(t, 'delete version', { method: 'DELETE', url: `/tasks/${task.id}?version=x` }, [
        { path: '/querystring/version' },
      ])
      await expect400(
        t,
        'patch status',
        { method: 'PATCH', url: `/tasks/${task.id}`, payload: { status: 'nope', version: 1 } },
        [{ path: '/body/status' }],
      )
      await expect400(
        t,
        'patch version',
        { method: 'PATCH', url: `/tasks/${task.id}`, payload: { version: 0 } },
        [{ path: '/body/version' }],
      )
      await expect400(
        t,
        'supersedes',
        {
          method: 'POST',
          url: '/design-notes',
          payload: { title: 't', context: 'c', decision: 'd', consequences: 'q', supersedes: 'x' },
        },
        [{ path: '/body/supersedes' }],
      )
    })

    t.test('If-Match on PATCH and DELETE, alone and against a stated version', async (t) => {
      for (const [url, payload] of [
        [`/tasks/${task.id}`, { title: 'b' }],
        [`/bugs/${bug.id}`, { title: 'c' }],
      ] as const) {
        await expect400(
          t,
          `PATCH ${url} junk`,
          { method: 'PATCH', url, headers: { 'if-match': 'x"1"' }, payload },
          [{ path: '/headers/if-match', message: 'is invalid' }],
        )
        await expect400(
          t,
          `PATCH ${url} disagreeing`,
          { method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { ...payload, version: 2 } },
          [{ path: '/version', message: 'differs from If-Match' }],
        )
        await expect400(
          t,
          `DELETE ${url} junk`,
          { method: 'DELETE', url, headers: { 'if-match': '"1"junk' } },
          [{ path: '/headers/if-match', message: 'is invalid' }],
        )
        await expect400(
          t,
          `DELETE ${url} disagreeing`,
          { method: 'DELETE', url: `${url}?version=2`, headers: { 'if-match': '"1"' } },
          [{ path: '/version', message: 'differs from If-Match' }],
        )
      }
      for (const url of [`/tasks/${task.id}`, `/bugs/${bug.id}`]) {
        t.equal((await app.inject({ method: 'GET', url })).json().version, 1, `${url}: nothing written`)
      }
    })

    t.test('If-Match agreeing with the stated version, on DELETE too', async (t) => {
      const res = await app.inject({
        method: 'DELETE',
        url: `/bugs/${bug.id}?version=1`,
        headers: { 'if-match': 'W/"1"' },
      })
      t.equal(res.statusCode, 204)
    })
  })
}
