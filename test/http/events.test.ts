// GET /events on every backend, through a real EventSource client over a real socket: every event of 1,000
// writes once and in order, resuming with Last-Event-ID without gap or duplicate, filters, the payload per
// role, 410 for a pruned resume point, a slow reader cut off and resumed without loss, the stream cap, the
// heartbeat and a clean shutdown. Across processes and instances: test/e2e/events-processes.test.ts.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { PassThrough } from 'node:stream'
import t, { type Test } from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { eventually } from '../eventually.js'
import { noteBody, tokenFor } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'
import { follow, ids, parseEvents, range } from './events-client.js'

// Thousands of writes on every backend (PGlite in-process among them) on a machine that may be busy.
t.setTimeout(1_200_000)

/** An app on `backend`, listening on a loopback port; its base URL. */
async function serve(
  t: Test,
  backend: (typeof backends)[number],
  options: { env?: Record<string, string>; repos?: Repos; log?: PassThrough } = {},
) {
  const app = await build(t, backend, options)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  return { app, url: `http://127.0.0.1:${port}` }
}

/** `count` task creates, `concurrency` at a time, through the repositories (the one write path). */
async function createTasks(app: TestApp, count: number, concurrency = 10) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        await app.repos.tasks.create({ title: `task ${i}` }, 'ada')
      }
    }),
  )
}

/** Opens a raw stream; resolves with the response once its headers are in. */
function rawStream(url: string, headers: Record<string, string> = {}) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, resolve)
    req.on('error', reject)
    req.end()
  })
}

/** Reads `res` as text until `done(text)` holds or the stream ends. */
function readUntil(res: IncomingMessage, done: (text: string) => boolean) {
  return new Promise<string>((resolve) => {
    let text = ''
    const finish = () => {
      res.off('data', onData)
      resolve(text)
    }
    const onData = (chunk: Buffer) => {
      text += chunk
      if (done(text)) finish()
    }
    res.on('data', onData)
    res.on('end', finish)
    res.on('close', finish)
    res.on('error', finish)
  })
}

for (const backend of backends) {
  t.test(`${backend.name}: an EventSource receives every event of 1,000 writes once, in order`, async (t) => {
    const { app, url } = await serve(t, backend)
    await app.repos.tasks.create({ title: 'before the stream' }, 'ada')
    const follower = follow(t, `${url}/events`)
    await follower.opened
    await createTasks(app, 1000)
    const events = await follower.until(1000, 240_000)
    t.same(ids(events), range(2, 1001), 'from the head on: seq 2 to 1001, each once, in order')
    t.ok(
      events.every((event) => event.type === 'task.create' && event.data.seq === event.id),
      'each event names its entity and action, and carries its entry',
    )
    await app.repos.tasks.create({ title: 'one more' }, 'ada')
    t.same(ids(await follower.until(1001)), range(2, 1002), 'the next write is the next event: no duplicate')
  })

  t.test(
    `${backend.name}: a client that disconnects resumes with Last-Event-ID, no gap, no duplicate`,
    async (t) => {
      const { app, url } = await serve(t, backend)
      const first = follow(t, `${url}/events`)
      await first.opened
      const writing = createTasks(app, 300, 3)
      await first.until(100)
      first.close()
      const seen = [...first.events]
      await writing
      const last = seen.at(-1)?.id as number
      const second = follow(t, `${url}/events`, { 'last-event-id': String(last) })
      const rest = await second.until(300 - seen.length)
      t.same([...ids(seen), ...ids(rest)], range(1, 300), 'every entry exactly once across both connections')

      const byQuery = follow(t, `${url}/events?after=250`)
      t.same(ids(await byQuery.until(50)), range(251, 300), '?after= resumes strictly after its seq')
      const both = await rawStream(`${url}/events?after=10`, { 'last-event-id': '298' })
      const text = await readUntil(both, (text) => parseEvents(text).length >= 2)
      both.destroy()
      t.same(ids(parseEvents(text)), [299, 300], 'Last-Event-ID wins over ?after=')
    },
  )

  t.test(
    `${backend.name}: filters by entity, entityId and action, repeated or comma-separated`,
    async (t) => {
      const { app, url } = await serve(t, backend)
      const task = await app.repos.tasks.create({ title: 't' }, 'ada') // 1 task.create
      const bug = await app.repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ada') // 2
      await app.repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ada') // 3
      await app.repos.tasks.update(task.id, { title: 't2' }, 1, 'ada') // 4 task.update
      await app.repos.designNotes.create(noteBody('n'), 'ada') // 5 design_note.create
      await app.repos.tasks.delete(task.id, 2, 'ada') // 6 bug.update (detached), 7 status_update.update, 8 task.delete
      const later = await app.repos.tasks.create({ title: 'later' }, 'ada') // 9
      await app.repos.bugs.create({ title: 'b2', severity: 'low' }, 'ada') // 10
      await app.repos.designNotes.create(noteBody('n2'), 'ada') // 11
      await app.repos.tasks.update(later.id, { title: 'later still' }, 1, 'ada') // 12 task.update
      await app.repos.bugs.update(bug.id, { title: 'b again' }, 2, 'ada') // 13 bug.update
      const cases: [string, number[]][] = [
        ['entity=task', [1, 4, 8, 9, 12]],
        ['entity=bug,status_update', [2, 3, 6, 7, 10, 13]],
        ['entity=bug&entity=design_note', [2, 5, 6, 10, 11, 13]],
        ['action=create,delete', [1, 2, 3, 5, 8, 9, 10, 11]],
        ['entity=task&action=update&action=delete', [4, 8, 12]],
        [`entityId=${bug.id},${task.id}`, [1, 2, 4, 6, 8, 13]],
      ]
      for (const [query, expected] of cases) {
        const follower = follow(t, `${url}/events?after=0&${query}`)
        t.same(ids(await follower.until(expected.length)), expected, query)
        follower.close()
      }
      const types = follow(t, `${url}/events?after=0&entity=bug`)
      t.same(
        (await types.until(2)).map((event) => event.type),
        ['bug.create', 'bug.update'],
        'the event type is <entity>.<action>',
      )
    },
  )

  t.test(
    `${backend.name}: maintainers and admins get the diff, viewers and contributors do not`,
    async (t) => {
      const { app, url } = await serve(t, backend)
      const admin = await tokenFor(app, 'admin')
      await app.repos.tasks.create({ title: 'seen by all' }, 'ada')
      for (const role of ['viewer', 'contributor', 'maintainer', 'admin'] as const) {
        const { headers } = role === 'admin' ? admin : await tokenFor(app, role)
        const [event] = await follow(t, `${url}/events?after=0`, headers).until(1)
        const entry = (await app.repos.audit.list({ filter: {}, limit: 1 })).items[0] as { diff?: unknown }
        const { diff, ...withoutDiff } = entry
        t.same(event?.data, role === 'viewer' || role === 'contributor' ? withoutDiff : entry, role)
      }
      const anonymous = await fetch(`${url}/events`)
      t.equal(anonymous.status, 401, 'once tokens exist the feed needs one')
    },
  )

  t.test(
    `${backend.name}: a resume point older than the oldest kept entry is 410 HISTORY_PRUNED`,
    async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      const { app, url } = await serve(t, backend, { repos })
      await createTasks(app, 10, 1)
      const fromStart = await fetch(`${url}/events?after=0`)
      t.equal(fromStart.status, 200, 'nothing pruned yet: the whole trail is there')
      await fromStart.body?.cancel()
      await hooks.deleteAuditThrough(5)
      for (const [how, headers, query] of [
        ['?after=0', {}, '?after=0'],
        ['?after=4', {}, '?after=4'],
        ['Last-Event-ID: 3', { 'last-event-id': '3' }, ''],
      ] as const) {
        const res = await fetch(`${url}/events${query}`, { headers })
        t.equal(res.status, 410, how)
        t.match(await res.json(), { code: 'HISTORY_PRUNED', oldestKeptSeq: 6 }, how)
      }
      const justBefore = follow(t, `${url}/events?after=5`)
      t.same(
        ids(await justBefore.until(5)),
        range(6, 10),
        'resuming right before the oldest kept entry misses nothing',
      )
    },
  )

  t.test(
    `${backend.name}: entries pruned before an open stream sent them end it; its reconnection is 410`,
    async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      // While held, the stream's reads find nothing new, so it is still behind when the prune comes (as a slow
      // or filtered stream can be), whatever wakes it meanwhile. Judged when a read answers, not when it starts:
      // a read started just before the hold (a PostgreSQL notification arrives late) may see later writes.
      let held = false
      const feed = {
        ...repos.feed,
        after: async (after: number, limit: number, filter: object) => {
          const rows = await repos.feed.after(after, limit, filter)
          return held ? [] : rows
        },
      }
      const release = async () => {
        held = false
        // A write wakes every stream; the one it makes is the next seq, so what the test expects gains one.
        await createTasks(app, 1, 1)
      }
      const log = new PassThrough()
      let logged = ''
      log.on('data', (chunk) => {
        logged += chunk
      })
      const { app, url } = await serve(t, backend, {
        repos: { ...repos, feed },
        log,
      })
      await createTasks(app, 3, 1)
      const res = await rawStream(`${url}/events?after=0`)
      // One reader for the whole stream, so nothing arrives between two reads unheard.
      let text = ''
      res.on('data', (chunk) => {
        text += chunk
      })
      const closed = new Promise((resolve) => res.on('close', resolve))
      const sent = async (count: number) => {
        await eventually(() => parseEvents(text).length >= count, `${count} events`, { intervalMs: 10 })
        return ids(parseEvents(text))
      }
      t.same(await sent(3), [1, 2, 3], 'the stream sent what was there')

      held = true
      await createTasks(app, 3, 1)
      await release()
      t.same(await sent(7), range(1, 7), 'a page right after its position is sent as usual')

      held = true
      await createTasks(app, 4, 1)
      await hooks.deleteAuditThrough(9)
      await release()
      await closed
      t.same(ids(parseEvents(text)), range(1, 7), 'nothing after the pruned entries was sent: none skipped')
      const rest = text
      t.match(rest, ': entries after 7 were pruned; resuming from 7 answers 410 HISTORY_PRUNED\n\n')
      t.match(logged, /"seq":7,"oldestKeptSeq":10.*its reconnection answers 410/)
      const again = await fetch(`${url}/events`, { headers: { 'last-event-id': '7' } })
      t.equal(again.status, 410)
      t.match(await again.json(), { code: 'HISTORY_PRUNED', oldestKeptSeq: 10 })
    },
  )

  t.test(`${backend.name}: a reader that takes nothing is cut off, then resumes without loss`, async (t) => {
    const log = new PassThrough()
    let logged = ''
    log.on('data', (chunk) => {
      logged += chunk
    })
    const { app, url } = await serve(t, backend, { env: { EVENTS_SLOW_CLIENT_MS: '200' }, log })
    const slow = await rawStream(`${url}/events`)
    slow.pause()
    // Large entries, so that the socket's buffers on both sides fill up: about 15 MB of events.
    const big = 'x'.repeat(20_000)
    const count = 250
    for (let i = 0; i < count; i++) {
      await app.repos.designNotes.create(
        { title: `n${i}`, context: big, decision: big, consequences: big },
        'ada',
      )
      if (logged.includes('too slow')) break
    }
    const written = (await app.repos.audit.head())?.seq ?? 0
    await new Promise<void>((resolve) => {
      const check = () => (logged.includes('too slow') ? resolve() : setImmediate(check))
      check()
    })
    t.pass('the server disconnected the reader that took nothing')
    const text = await readUntil(slow.resume(), () => false)
    const before = ids(parseEvents(text))
    t.same(before, range(1, before.length), 'what arrived before the cut is a prefix of the trail')
    const last = before.at(-1) ?? 0
    const resumed = follow(t, `${url}/events`, { 'last-event-id': String(last) })
    const rest = await resumed.until(written - last, 240_000)
    t.same([...before, ...ids(rest)], range(1, written), 'resumed from its last id: every event once')
  })

  t.test(`${backend.name}: at most EVENTS_MAX_STREAMS streams, then 503 with Retry-After`, async (t) => {
    const { url } = await serve(t, backend, { env: { EVENTS_MAX_STREAMS: '2' } })
    const open = [await rawStream(`${url}/events`), await rawStream(`${url}/events`)]
    t.same(
      open.map((res) => res.statusCode),
      [200, 200],
    )
    const refused = await fetch(`${url}/events`)
    t.equal(refused.status, 503)
    t.equal(refused.headers.get('retry-after'), '5')
    t.equal((await refused.json()).code, 'SERVICE_UNAVAILABLE')
    for (const res of open) res.destroy()
  })
}

t.test('a `: ping` comment comes every EVENTS_HEARTBEAT_MS, and the stream opens with retry', async (t) => {
  const { url } = await serve(t, memory, { env: { EVENTS_HEARTBEAT_MS: '20' } })
  const res = await rawStream(`${url}/events`)
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/event-stream/)
  t.equal(res.headers['cache-control'], 'no-store')
  t.ok(res.headers['content-security-policy'], 'the security headers are there too')
  const text = await readUntil(res, (text) => text.includes(': ping\n\n'))
  res.destroy()
  t.match(text, /^retry: 1000\n\n/)
})

t.test('closing the server ends open streams instead of waiting for them', async (t) => {
  const { app, url } = await serve(t, memory)
  const streams = [await rawStream(`${url}/events`), await rawStream(`${url}/events?after=0`)]
  const ended = streams.map((res) => readUntil(res, () => false))
  await app.close()
  await Promise.all(ended)
  t.pass('app.close() returned and every stream ended')
})

t.test('bad resume points and filters are 400s; HEAD is not offered', async (t) => {
  const { url } = await serve(t, memory)
  for (const [query, headers] of [
    ['?after=-1', {}],
    ['?after=x', {}],
    ['?entity=tasks', {}],
    ['?action=create,', {}],
    ['?entityId=nope', {}],
    ['?limit=5', {}],
    ['', { 'last-event-id': 'abc' }],
    ['', { 'last-event-id': '99999999999' }],
  ] as const) {
    const res = await fetch(`${url}/events${query}`, { headers })
    t.equal(res.status, 400, `${query} ${JSON.stringify(headers)}`)
    t.equal((await res.json()).code, 'VALIDATION_FAILED')
  }
  t.equal((await fetch(`${url}/events`, { method: 'HEAD' })).status, 405)
})

t.test('a stream whose database read fails ends, and the error is logged', async (t) => {
  const repos = await memory.open(t)
  let failing = false
  const feed = {
    ...repos.feed,
    after: (after: number, limit: number, filter: object) =>
      failing ? Promise.reject(new Error('disk on fire')) : repos.feed.after(after, limit, filter),
  }
  const log = new PassThrough()
  let logged = ''
  log.on('data', (chunk) => {
    logged += chunk
  })
  const { app, url } = await serve(t, memory, { repos: { ...repos, feed }, log })
  const res = await rawStream(`${url}/events`)
  const ended = readUntil(res, () => false)
  failing = true
  await app.repos.tasks.create({ title: 'wakes the stream' }, 'ada')
  await ended
  t.match(logged, /event stream ended: reading failed/)
  t.notMatch(await ended, /disk on fire/, 'nothing of the error reaches the client')
})
