import t from 'tap'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { backends } from '../backends/index.js'
import { UNKNOWN_ID } from '../fixtures.js'
import { build } from '../helper.js'

const note = (title: string, extra: object = {}) => ({
  title,
  context: 'We need it',
  decision: 'Do it',
  consequences: 'It is done',
  ...extra,
})

for (const backend of backends) {
  t.test(`${backend.name}: bugs over HTTP`, async (t) => {
    const app = await build(t, backend)
    const task = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'home' } })).json()
    const created = await app.inject({
      method: 'POST',
      url: '/bugs',
      payload: {
        title: 'Crash on save',
        severity: 'critical',
        taskId: task.id,
        reproSteps: ['open', 'save'],
      },
    })
    t.equal(created.statusCode, 201)
    t.equal(created.headers.etag, '"1"')
    const bug = created.json()
    t.equal(created.headers.location, `/bugs/${bug.id}`)
    t.match(bug, {
      status: 'open',
      proposedFix: null,
      taskId: task.id,
      reproSteps: ['open', 'save'],
      version: 1,
    })

    const dangling = await app.inject({
      method: 'POST',
      url: '/bugs',
      payload: { title: 'x', severity: 'low', taskId: UNKNOWN_ID },
    })
    t.equal(dangling.statusCode, 422)
    t.equal(dangling.json().code, 'REFERENCE_NOT_FOUND')
    t.equal(
      (await app.inject({ method: 'POST', url: '/bugs', payload: { title: 'x' } })).statusCode,
      400,
      'severity is required',
    )

    const patched = await app.inject({
      method: 'PATCH',
      url: `/bugs/${bug.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'resolved', proposedFix: 'Retry the write' },
    })
    t.equal(patched.statusCode, 200)
    t.match(patched.json(), { status: 'resolved', proposedFix: 'Retry the write', version: 2 })
    t.equal(patched.headers.etag, '"2"')
    const danglingPatch = await app.inject({
      method: 'PATCH',
      url: `/bugs/${bug.id}`,
      payload: { taskId: UNKNOWN_ID, version: 2 },
    })
    t.equal(danglingPatch.statusCode, 422)
    t.equal(
      (await app.inject({ method: 'PATCH', url: `/bugs/${bug.id}`, payload: { version: 1, title: 'z' } }))
        .statusCode,
      409,
    )
    t.equal(
      (await app.inject({ method: 'PATCH', url: `/bugs/${bug.id}`, payload: { title: 'z' } })).statusCode,
      428,
    )

    await app.inject({ method: 'POST', url: '/bugs', payload: { title: 'Typo', severity: 'low' } })
    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/bugs?${query}` }))
        .json()
        .items.map((b: { title: string }) => b.title)
    t.same(await list(''), ['Typo', 'Crash on save'])
    t.same(await list('severity=critical'), ['Crash on save'])
    t.same(await list('status=open'), ['Typo'])
    t.same(await list(`taskId=${task.id}`), ['Crash on save'])
    t.equal((await app.inject({ method: 'GET', url: '/bugs?severity=urgent' })).statusCode, 400)

    t.equal((await app.inject({ method: 'DELETE', url: `/bugs/${bug.id}` })).statusCode, 428)
    t.equal((await app.inject({ method: 'DELETE', url: `/bugs/${bug.id}?version=2` })).statusCode, 204)
    t.equal((await app.inject({ method: 'GET', url: `/bugs/${bug.id}` })).statusCode, 404)
  })

  t.test(`${backend.name}: status updates over HTTP`, async (t) => {
    const app = await build(t, backend)
    const task = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'home' } })).json()
    const res = await app.inject({
      method: 'POST',
      url: '/status-updates',
      headers: { 'x-actor': 'ada' },
      payload: { message: 'Halfway there', taskId: task.id },
    })
    t.equal(res.statusCode, 201)
    const update = res.json()
    t.equal(res.headers.location, `/status-updates/${update.id}`)
    t.match(update, { actor: 'ada', taskId: task.id, message: 'Halfway there' })
    t.same((await app.inject({ method: 'GET', url: `/status-updates/${update.id}` })).json(), update)
    t.equal((await app.inject({ method: 'GET', url: `/status-updates/${UNKNOWN_ID}` })).statusCode, 404)
    const dangling = await app.inject({
      method: 'POST',
      url: '/status-updates',
      payload: { message: 'x', taskId: UNKNOWN_ID },
    })
    t.equal(dangling.statusCode, 422)

    await app.inject({
      method: 'POST',
      url: '/status-updates',
      headers: { 'x-actor': 'bob' },
      payload: { message: 'Blocked' },
    })
    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/status-updates?${query}` }))
        .json()
        .items.map((u: { message: string }) => u.message)
    t.same(await list(''), ['Blocked', 'Halfway there'])
    t.same(await list(`taskId=${task.id}`), ['Halfway there'])
    t.same(await list('actor=bob'), ['Blocked'])
    t.same(await list('since=2999-01-01T00:00:00Z'), [])
    t.same(await list(`since=${encodeURIComponent('2000-01-01T02:00:00+02:00')}`), [
      'Blocked',
      'Halfway there',
    ])
    t.equal((await app.inject({ method: 'GET', url: '/status-updates?since=yesterday' })).statusCode, 400)

    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const refused = await app.inject({
        method,
        url: `/status-updates/${update.id}`,
        payload: { message: 'edited' },
      })
      t.equal(refused.statusCode, 405, method)
      t.equal(refused.headers.allow, 'GET, HEAD')
      t.equal(refused.json().code, 'METHOD_NOT_ALLOWED')
    }
  })

  t.test(`${backend.name}: design notes over HTTP`, async (t) => {
    const app = await build(t, backend)
    const first = await app.inject({
      method: 'POST',
      url: '/design-notes',
      headers: { 'x-actor': 'ada' },
      payload: note('Use SQLite'),
    })
    t.equal(first.statusCode, 201)
    const old = first.json()
    t.match(old, { actor: 'ada', supersededBy: null })
    t.equal(first.headers.location, `/design-notes/${old.id}`)

    const second = await app.inject({
      method: 'POST',
      url: '/design-notes',
      payload: note('Use PostgreSQL', { supersedes: old.id }),
    })
    t.equal(second.statusCode, 201)
    const replacement = second.json()
    t.equal(
      (await app.inject({ method: 'GET', url: `/design-notes/${old.id}` })).json().supersededBy,
      replacement.id,
    )

    const again = await app.inject({
      method: 'POST',
      url: '/design-notes',
      payload: note('Use MySQL', { supersedes: old.id }),
    })
    t.equal(again.statusCode, 409)
    t.match(again.json(), { code: 'ALREADY_SUPERSEDED', supersededBy: replacement.id })
    const ghost = await app.inject({
      method: 'POST',
      url: '/design-notes',
      payload: note('Ghost', { supersedes: UNKNOWN_ID }),
    })
    t.equal(ghost.statusCode, 422)
    t.equal(ghost.json().code, 'REFERENCE_NOT_FOUND')
    t.equal(
      (await app.inject({ method: 'POST', url: '/design-notes', payload: { title: 'x' } })).statusCode,
      400,
    )

    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/design-notes?${query}` }))
        .json()
        .items.map((n: { title: string }) => n.title)
    t.same(await list(''), ['Use SQLite', 'Use PostgreSQL'])
    t.same(await list('order=desc'), ['Use PostgreSQL', 'Use SQLite'])
    t.same(await list('state=active'), ['Use PostgreSQL'])
    t.same(await list('state=superseded'), ['Use SQLite'])
    t.equal((await app.inject({ method: 'GET', url: '/design-notes?order=sideways' })).statusCode, 400)
    t.equal(
      (await app.inject({ method: 'PUT', url: `/design-notes/${old.id}`, payload: {} })).statusCode,
      405,
    )
    t.equal((await app.inject({ method: 'GET', url: `/design-notes/${UNKNOWN_ID}` })).statusCode, 404)
  })

  t.test(`${backend.name}: audit entries over HTTP`, async (t) => {
    const app = await build(t, backend)
    const task = (
      await app.inject({
        method: 'POST',
        url: '/tasks',
        headers: { 'x-actor': 'ada' },
        payload: { title: 'a' },
      })
    ).json()
    await app.inject({
      method: 'PATCH',
      url: `/tasks/${task.id}`,
      headers: { 'x-actor': 'bob' },
      payload: { title: 'b', version: 1 },
    })
    await app.inject({ method: 'PATCH', url: `/tasks/${task.id}`, payload: { title: 'c', version: 1 } })
    await app.inject({ method: 'DELETE', url: `/tasks/${task.id}?version=2` })

    const all = (await app.inject({ method: 'GET', url: '/audit-entries' })).json().items
    t.same(
      all.map((e: { action: string; seq: number }) => [e.seq, e.action]),
      [
        [3, 'delete'],
        [2, 'update'],
        [1, 'create'],
      ],
      'a rejected write appends nothing',
    )
    t.match(all[1], {
      actor: 'bob',
      entity: 'task',
      entityId: task.id,
      diff: { title: ['a', 'b'], version: [1, 2] },
    })
    t.same(all[0].diff.title, ['b', null])
    t.same((await app.inject({ method: 'GET', url: `/audit-entries/${all[0].id}` })).json(), all[0])

    const count = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/audit-entries?${query}` })).json().items.length
    t.equal(await count(`entityId=${task.id}`), 3)
    t.equal(await count('entity=task&action=update'), 1)
    t.equal(await count('actor=ada'), 1)
    t.equal(await count('entity=bug'), 0)
    t.equal(await count(`since=${encodeURIComponent(all[2].at)}`), 3)
    t.equal(await count('until=2000-01-01T00:00:00.000Z'), 0)
    const page = (await app.inject({ method: 'GET', url: '/audit-entries?limit=2' })).json()
    const next = (
      await app.inject({ method: 'GET', url: `/audit-entries?limit=2&cursor=${page.nextCursor}` })
    ).json()
    t.same(
      next.items.map((e: { seq: number }) => e.seq),
      [1],
    )
    t.equal(next.nextCursor, null)
    t.equal((await app.inject({ method: 'GET', url: '/audit-entries?entity=user' })).statusCode, 400)
    t.equal((await app.inject({ method: 'DELETE', url: `/audit-entries/${all[0].id}` })).statusCode, 405)
    t.equal((await app.inject({ method: 'POST', url: '/audit-entries', payload: {} })).statusCode, 405)
  })

  t.test(`${backend.name}: health`, async (t) => {
    const app = await build(t, backend)
    const res = await app.inject({ method: 'GET', url: '/health' })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { status: 'ok', persistence: backend.name, schemaVersion: SCHEMA_VERSION })
  })
}
