// kill -9 in the middle of a write load on PostgreSQL, where writes that wait for the audit lock together share
// one transaction (group commit, ADR 0011): after a restart every write the server had acknowledged (201) is
// there with its audit entry, and the trail is one contiguous chain that verifies. A batch cut off by the kill
// was never acknowledged, and PostgreSQL rolls it back whole when its connection drops.
import t from 'tap'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { scratchDatabase } from '../backends/postgres.js'
import { assertContiguousSeq, verifyChain, wholeAuditTrail } from '../fixtures.js'
import { startServer } from '../server.js'
import { assertAllPresent, killUnderLoad } from '../write-load.js'
import { realServer } from './helpers.js'

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  t.test('SIGKILL under write load loses no acknowledged write and leaves one chain', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const env = { PERSISTENCE: 'postgres', DATABASE_URL: url, PG_POOL_SIZE: '10' }
    const start = () => startServer(t, env)
    const acknowledged = await killUnderLoad(t, start)

    const server = await start()
    await assertAllPresent(t, server, acknowledged)
    t.equal(await server.stop(), 0, 'a graceful stop exits 0')
    const repos = await openPostgresRepos({ url, poolSize: 2 })
    t.teardown(() => repos.close())
    const trail = await wholeAuditTrail(repos)
    assertContiguousSeq(t, trail)
    t.same(await verifyChain(repos), { count: trail.length, failure: undefined }, 'one chain that verifies')
  })
}
