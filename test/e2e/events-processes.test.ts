// The change feed across processes: a write through one server process reaches a stream open on another one
// sharing the database (two processes on one SQLite file; two instances on one PostgreSQL database), and
// the PostgreSQL listening connection comes back after it is killed. Timings are the bench's business: here
// the event must arrive, within a generous timeout.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import t, { type Test } from 'tap'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { scratchDatabase } from '../backends/postgres.js'
import { follow, ids } from '../http/events-client.js'
import { realServer } from '../postgres/helpers.js'
import { startServer } from '../server.js'

// Up to four server processes, each started from a fresh build when the sources changed.
t.setTimeout(900_000)

async function post(url: string, title: string) {
  const res = await fetch(`${url}/tasks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  return (await res.json()) as { id: string }
}

/** A stream on `reader` sees writes made through `writer`, in order, and its own writes too. */
async function crossesInstances(t: Test, writer: string, reader: string) {
  const follower = follow(t, `${reader}/events`)
  await follower.opened
  for (let i = 0; i < 5; i++) await post(writer, `through the other ${i}`)
  const remote = await follower.until(5, 60_000)
  t.same(
    remote.map((event) => event.data.actor),
    Array(5).fill('anonymous'),
  )
  await post(reader, 'through this one')
  await post(writer, 'through the other again')
  const all = await follower.until(7, 60_000)
  const first = all[0]?.id as number
  t.same(
    ids(all),
    Array.from({ length: 7 }, (_, i) => first + i),
    'every write of either instance, in seq order',
  )
}

t.test('two processes on one SQLite file: a write through one reaches a stream on the other', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'trail-feed-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const env = { PERSIST_DB_PATH: join(dir, 'trail.db') }
  const a = await startServer(t, env)
  const b = await startServer(t, env)
  await crossesInstances(t, a.url, b.url)
})

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  t.test('two PostgreSQL instances: a write through one reaches a stream on the other', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const env = { PERSISTENCE: 'postgres', DATABASE_URL: url }
    const a = await startServer(t, env)
    const b = await startServer(t, env)
    await crossesInstances(t, a.url, b.url)
    await Promise.all([a.stop(), b.stop()])
  })

  t.test('the listening connection comes back after the server kills it', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const [writer, reader] = await Promise.all([1, 2].map(() => openPostgresRepos({ url, poolSize: 2 })))
    for (const repos of [writer, reader]) t.teardown(() => repos?.close())
    if (writer === undefined || reader === undefined) throw new Error('two instances expected')
    // Counted, not awaited one by one: a wake-up may come before the test starts waiting for it.
    let woken = 0
    const waiting: (() => void)[] = []
    const stop = reader.feed.onAppend(() => {
      woken++
      for (const check of waiting.splice(0)) check()
    })
    t.teardown(stop)
    const wokenAtLeast = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (woken >= count ? resolve() : void waiting.push(check))
        check()
      })
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    t.teardown(() => admin.end())
    const listening = async () =>
      (
        await admin.query(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'trail-feed' AND query LIKE 'LISTEN%'",
        )
      ).rows as { pid: number }[]
    // Connected: the first wake-up comes from the connection itself.
    await wokenAtLeast(1)
    const before = await listening()
    t.equal(before.length, 1, 'one dedicated listening connection')
    const wokenBefore = woken
    await admin.query('SELECT pg_terminate_backend($1)', [before[0]?.pid])
    // Reconnected: it wakes the feeds again, for anything sent while it was away.
    await wokenAtLeast(wokenBefore + 1)
    const wokenReconnected = woken
    await writer.tasks.create({ title: 'after the reconnection' }, 'ada')
    await wokenAtLeast(wokenReconnected + 1)
    t.pass('a write through the other instance is heard after the reconnection')
    const [entry] = await reader.feed.after(0, 10, {})
    t.equal(entry?.action, 'create')
  })
}
