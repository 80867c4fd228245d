// Retention on one PostgreSQL instance only: while one instance holds the retention lock, another's run is
// skipped (undefined), and once the lock is released the next run goes ahead.
import t from 'tap'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { scratchDatabase } from '../backends/postgres.js'
import { holdRetentionLock } from '../fixtures.js'
import { realServer } from './helpers.js'

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  t.test('of two instances, one runs retention at a time', async (t) => {
    const url = await scratchDatabase(t, adminUrl)
    const [first, second] = await Promise.all([1, 2].map(() => openPostgresRepos({ url, poolSize: 2 })))
    for (const repos of [first, second]) t.teardown(() => repos?.close())
    if (first === undefined || second === undefined) throw new Error('two instances expected')
    const holder = await holdRetentionLock(first)
    t.equal(await second.audit.asRetentionRunner(async () => 'second'), undefined, 'skipped while held')
    t.equal(await holder.release(), 'held')
    t.equal(await second.audit.asRetentionRunner(async () => 'second'), 'second', 'runs once released')
  })
}
