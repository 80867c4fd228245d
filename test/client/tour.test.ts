// The README's API tour, walked by a client generated from the OpenAPI document (openapi-typescript types in
// ./openapi.d.ts, openapi-fetch) against the real server: `npm run typecheck` checks every call against the
// document, and this test checks the server answers as the document says. Every operation of the document
// must be called at least once, so a route the document lists but the server lacks (or the other way round,
// through `npm run lint`'s freshness check of the types) fails here.
import { join } from 'node:path'
import createClient from 'openapi-fetch'
import t from 'tap'
import { startServer } from '../server.js'
import { startReceiver } from '../webhooks/receiver.js'
import type { paths } from './openapi.js'

t.test('the API tour through the generated client', async (t) => {
  const server = await startServer(t, {
    PERSIST_DB_PATH: join(t.testdir(), 'client.db'),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_POLL_MS: '50',
  })
  const receiver = await startReceiver(t)
  const client = createClient<paths>({ baseUrl: server.url })
  const called = new Set<string>()
  client.use({
    onResponse({ request, schemaPath, response }) {
      called.add(`${request.method} ${schemaPath}`)
      t.ok(response.status < 500, `${request.method} ${schemaPath}: no 5xx`)
      if (response.status >= 400) t.match(response.headers.get('content-type'), /^application\/problem\+json/)
    },
  })

  // An admin follows task changes with a webhook; its secret comes only with the answer.
  const hook = await client.POST('/webhooks', { body: { url: receiver.url, events: ['task.*'] } })
  t.equal(hook.response.status, 201)
  const hookId = hook.data?.id ?? ''
  receiver.secret = hook.data?.secret

  // Create a task: 201 with Location and ETag.
  const created = await client.POST('/tasks', {
    headers: { 'x-actor': 'ada' },
    body: {
      title: 'Ship the importer',
      priority: 'high',
      assignees: ['ada'],
      rationale: 'Users are moving to PostgreSQL',
    },
  })
  t.equal(created.response.status, 201)
  const task = created.data
  if (!task) throw new Error('no task')
  t.equal(created.response.headers.get('location'), `/tasks/${task.id}`)
  t.equal(created.response.headers.get('etag'), '"1"')
  t.match(task, { status: 'todo', priority: 'high', version: 1, rationaleLog: [{ actor: 'ada' }] })

  const listed = await client.GET('/tasks', { params: { query: { limit: 1 } } })
  t.equal(listed.data?.items[0]?.id, task.id)

  const changed = await client.PATCH('/tasks/{id}', {
    params: { path: { id: task.id } },
    headers: { 'if-match': '"1"', 'x-actor': 'bob' },
    body: { status: 'in_progress', rationale: 'Started on the streaming reader' },
  })
  t.equal(changed.data?.version, 2)
  t.equal(changed.data?.rationaleLog.length, 2)

  const stale = await client.PATCH('/tasks/{id}', {
    params: { path: { id: task.id } },
    headers: { 'if-match': '"1"' },
    body: { status: 'done' },
  })
  t.equal(stale.response.status, 412)
  t.match(stale.error, { code: 'VERSION_MISMATCH', currentVersion: 2 })

  const fetched = await client.GET('/tasks/{id}', { params: { path: { id: task.id } } })
  t.equal(fetched.data?.status, 'in_progress')
  t.equal(fetched.response.headers.get('etag'), '"2"')

  // A bug against the task, a status update, and what is open.
  const bug = await client.POST('/bugs', {
    body: {
      title: 'Import stops at 2 GB',
      severity: 'high',
      taskId: task.id,
      reproSteps: ['export 3 GB', 'import it'],
    },
  })
  t.equal(bug.response.status, 201)
  const bugId = bug.data?.id ?? ''
  const update = await client.POST('/status-updates', {
    headers: { 'x-actor': 'bob' },
    body: { message: 'Reader streams; writer next', taskId: task.id },
  })
  t.equal(update.data?.actor, 'bob')
  const open = await client.GET('/bugs', { params: { query: { status: 'open', severity: 'high' } } })
  t.same(
    open.data?.items.map((b) => b.id),
    [bugId],
  )
  const updates = await client.GET('/status-updates', { params: { query: { taskId: task.id, limit: 10 } } })
  t.same(
    updates.data?.items.map((u) => u.message),
    ['Reader streams; writer next'],
  )
  t.equal(updates.data?.nextCursor, null)
  const oneUpdate = await client.GET('/status-updates/{id}', {
    params: { path: { id: update.data?.id ?? '' } },
  })
  t.equal(oneUpdate.data?.message, 'Reader streams; writer next')

  const oneBug = await client.GET('/bugs/{id}', { params: { path: { id: bugId } } })
  t.equal(oneBug.data?.taskId, task.id)
  const fixed = await client.PATCH('/bugs/{id}', {
    params: { path: { id: bugId } },
    body: { status: 'resolved', version: oneBug.data?.version ?? 0 },
  })
  t.equal(fixed.data?.status, 'resolved')

  // A decision, then one that supersedes it.
  const old = await client.POST('/design-notes', {
    body: {
      title: 'Store data in SQLite',
      context: 'One machine',
      decision: 'SQLite in WAL mode',
      consequences: 'No set-up',
    },
  })
  const oldId = old.data?.id ?? ''
  const newer = await client.POST('/design-notes', {
    body: {
      title: 'Offer PostgreSQL',
      context: 'Several instances',
      decision: 'Same contract on PostgreSQL',
      consequences: 'Two dialects',
      supersedes: oldId,
    },
  })
  t.equal(newer.response.status, 201)
  const superseded = await client.GET('/design-notes', { params: { query: { state: 'superseded' } } })
  t.same(
    superseded.data?.items.map((n) => n.id),
    [oldId],
  )
  const note = await client.GET('/design-notes/{id}', { params: { path: { id: oldId } } })
  t.equal(note.data?.supersededBy, newer.data?.id)

  // The audit trail of the task, newest first, and paging through everything.
  const trail = await client.GET('/audit-entries', { params: { query: { entityId: task.id } } })
  t.same(
    trail.data?.items.map((e) => e.action),
    ['update', 'create'],
  )
  const entry = await client.GET('/audit-entries/{id}', {
    params: { path: { id: trail.data?.items[1]?.id ?? '' } },
  })
  t.equal(entry.data?.entity, 'task')
  const page = await client.GET('/audit-entries', { params: { query: { limit: 2 } } })
  const next = await client.GET('/audit-entries', {
    params: { query: { limit: 2, cursor: page.data?.nextCursor ?? '' } },
  })
  t.equal(next.data?.items.length, 2)

  // Delete the bug and the task (the bug by If-Match, the task by ?version=).
  const bugGone = await client.DELETE('/bugs/{id}', {
    params: { path: { id: bugId } },
    headers: { 'if-match': `"${fixed.data?.version}"` },
  })
  t.equal(bugGone.response.status, 204)
  const gone = await client.DELETE('/tasks/{id}', {
    params: { path: { id: task.id }, query: { version: 2 } },
  })
  t.equal(gone.response.status, 204)
  const missing = await client.GET('/tasks/{id}', { params: { path: { id: task.id } } })
  t.equal(missing.response.status, 404)
  t.equal(missing.error?.code, 'NOT_FOUND')

  // The webhook saw the task's three changes, signed, in order; then it is looked at, changed and removed.
  await receiver.until(() => receiver.accepted().length === 3, 'three task events')
  t.same(
    receiver.requests.map((r) => r.entry.action),
    ['create', 'update', 'delete'],
  )
  t.ok(
    receiver.requests.every((r) => r.verified),
    'signed with the secret POST /webhooks answered',
  )
  const hooks = await client.GET('/webhooks')
  t.equal(hooks.data?.items.length, 1)
  const one = await client.GET('/webhooks/{id}', { params: { path: { id: hookId } } })
  t.equal(one.data?.active, true)
  const deliveries = await client.GET('/webhooks/{id}/deliveries', { params: { path: { id: hookId } } })
  const deliveryId = deliveries.data?.items[0]?.id ?? ''
  const rotated = await client.POST('/webhooks/{id}/rotate-secret', { params: { path: { id: hookId } } })
  receiver.secret = rotated.data?.secret
  const again = await client.POST('/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
    params: { path: { id: hookId, deliveryId } },
  })
  t.equal(again.data?.status, 'succeeded')
  t.equal(receiver.requests.at(-1)?.verified, true, 'redelivered with the new secret')
  const paused = await client.PATCH('/webhooks/{id}', {
    params: { path: { id: hookId } },
    body: { active: false },
  })
  t.equal(paused.data?.active, false)
  const removed = await client.DELETE('/webhooks/{id}', { params: { path: { id: hookId } } })
  t.equal(removed.response.status, 204)

  // History: the deleted task's versions, one of them in full, and the task brought back (undeleted).
  const versions = await client.GET('/tasks/{id}/versions', { params: { path: { id: task.id } } })
  t.same(
    versions.data?.items.map((v) => v.action),
    ['delete', 'update', 'create'],
  )
  const first = await client.GET('/tasks/{id}/versions/{n}', { params: { path: { id: task.id, n: 1 } } })
  t.equal(first.data?.status, 'todo')
  const undeleted = await client.POST('/tasks/{id}/restore', {
    params: { path: { id: task.id } },
    body: { version: 2 },
  })
  t.equal(undeleted.data?.version, 3)
  const bugVersions = await client.GET('/bugs/{id}/versions', { params: { path: { id: bugId } } })
  t.equal(bugVersions.data?.items[0]?.action, 'delete')
  const firstBug = await client.GET('/bugs/{id}/versions/{n}', { params: { path: { id: bugId, n: 1 } } })
  t.equal(firstBug.data?.status, 'open')
  const bugBack = await client.POST('/bugs/{id}/restore', {
    params: { path: { id: bugId } },
    body: { version: 1 },
  })
  t.equal(bugBack.data?.status, 'open')

  // The ADR lifecycle: the newer decision is deprecated.
  const deprecated = await client.PATCH('/design-notes/{id}', {
    params: { path: { id: newer.data?.id ?? '' } },
    headers: { 'if-match': '"1"' },
    body: { status: 'deprecated' },
  })
  t.equal(deprecated.data?.status, 'deprecated')

  // Search, the chain's head, who is asking, and the change feed (its first bytes, then hung up).
  const found = await client.GET('/search', { params: { query: { q: 'sqlite' } } })
  t.same(
    found.data?.items.map((hit) => hit.id),
    [oldId],
  )
  const head = await client.GET('/audit-entries/head')
  t.ok((head.data?.seq ?? 0) > 0)
  t.match(head.data?.hash, /^[0-9a-f]{64}$/)
  const me = await client.GET('/me')
  t.equal(me.data?.mode, 'open')
  const feed = new AbortController()
  const events = await client.GET('/events', { parseAs: 'stream', signal: feed.signal })
  t.match(events.response.headers.get('content-type'), /^text\/event-stream/)
  feed.abort()

  const health = await client.GET('/health')
  t.same(health.data, { status: 'ok', persistence: 'sqlite', schemaVersion: health.data?.schemaVersion })

  // Every operation the server documents was called.
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>
  }
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  )
  t.same([...called].sort(), documented.sort())
})
