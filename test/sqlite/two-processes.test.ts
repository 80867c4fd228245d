// Two servers on one SQLite file, writing at once: SQLite's write lock serializes them, so nothing fails,
// the audit trail is numbered 1..N without gaps or repeats, and compare-and-set holds across processes.
import { join } from 'node:path'
import t from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import { verifyChain } from '../fixtures.js'
import { startServer } from '../server.js'
import { assertContiguousSeq, countRows } from './helpers.js'

const WRITERS_PER_SERVER = 8
const TASKS_PER_WRITER = 25

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

t.test('two servers writing one file concurrently', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  const servers = await Promise.all([
    startServer(t, { PERSIST_DB_PATH: path }),
    startServer(t, { PERSIST_DB_PATH: path }),
  ])
  const statuses: number[] = []
  const call = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init)
    statuses.push(response.status)
    return response
  }

  // Each writer creates tasks and changes each one once, alternating between the two servers.
  const writer = async (n: number) => {
    for (let i = 0; i < TASKS_PER_WRITER; i++) {
      const [here, there] = i % 2 === 0 ? servers : [...servers].reverse()
      const created = await call(`${here?.url}/tasks`, { method: 'POST', ...json({ title: `t${n}.${i}` }) })
      const { id } = (await created.json()) as { id: string }
      await call(`${there?.url}/tasks/${id}`, {
        method: 'PATCH',
        ...json({ status: 'done' }, { 'if-match': '"1"' }),
      })
      await call(`${there?.url}/status-updates`, { method: 'POST', ...json({ message: 'done', taskId: id }) })
    }
  }
  await Promise.all(Array.from({ length: 2 * WRITERS_PER_SERVER }, (_, n) => writer(n)))
  const writes = 2 * WRITERS_PER_SERVER * TASKS_PER_WRITER * 3
  t.same(
    statuses.filter((status) => status >= 300),
    [],
    `all ${writes} writes succeeded (no 5xx, no lost compare-and-set)`,
  )

  // One version, twenty writers split over both processes: exactly one wins.
  const contested = (await (
    await call(`${servers[0]?.url}/tasks`, { method: 'POST', ...json({ title: 'x' }) })
  ).json()) as {
    id: string
  }
  const race = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(`${servers[i % 2]?.url}/tasks/${contested.id}`, {
        method: 'PATCH',
        ...json({ title: `by ${i}` }, { 'if-match': '"1"' }),
      }).then((response) => response.status),
    ),
  )
  t.equal(race.filter((status) => status === 200).length, 1, 'one PATCH wins')
  t.equal(race.filter((status) => status === 412).length, 19, 'the others see the version moved on')

  t.same(await Promise.all(servers.map((server) => server.stop())), [0, 0], 'both stop cleanly')
  const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
  t.teardown(() => closeSqlite(sqlite))
  t.equal(countRows(sqlite, 'audit_entries'), writes + 2, 'one audit entry per successful write')
  assertContiguousSeq(t, sqlite)
  t.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok')
  const repos = await openSqliteRepos({ path, synchronous: 'NORMAL', busyTimeoutMs: 5000 })
  t.teardown(() => repos.close())
  t.same(
    await verifyChain(repos),
    { count: writes + 2, failure: undefined },
    'both processes appended to one linear hash chain: no fork, no gap',
  )
})
