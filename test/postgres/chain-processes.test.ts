// Two server processes on one PostgreSQL database, 50 writers at once: the audit trail is one linear hash
// chain (no fork, no gap) whose `at` never goes backwards, because seq, hash and time are taken under one lock.
import t from 'tap'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { scratchDatabase } from '../backends/postgres.js'
import { verifyChain, wholeAuditTrail } from '../fixtures.js'
import { startServer } from '../server.js'
import { realServer } from './helpers.js'

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  t.test('two instances (processes), 50 concurrent writers: one chain that verifies', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const env = { PERSISTENCE: 'postgres', DATABASE_URL: url, PG_POOL_SIZE: '10' }
    const servers = [await startServer(t, env), await startServer(t, env)]
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${servers[i % 2]?.url}/tasks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: `writer ${i}` }),
        }).then((response) => response.status),
      ),
    )
    t.same(
      statuses.filter((status) => status !== 201),
      [],
      'every write succeeded',
    )
    await Promise.all(servers.map((server) => server.stop()))
    const repos = await openPostgresRepos({ url, poolSize: 2 })
    t.teardown(() => repos.close())
    t.same(await verifyChain(repos), { count: 50, failure: undefined }, 'one linear chain, no fork, no gap')
    const entries = (await wholeAuditTrail(repos)).reverse()
    t.same(
      entries
        .filter((entry, i) => i > 0 && entry.at < (entries[i - 1] as { at: string }).at)
        .map((e) => e.seq),
      [],
      'time never goes backwards along seq',
    )
  })
}
