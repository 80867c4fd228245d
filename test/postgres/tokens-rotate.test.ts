// `trail tokens rotate` on PostgreSQL, through the CLI and the real server (test/cli/rotation.ts). The CLI
// and the server are separate processes, so this needs a real server: TEST_DATABASE_URL.
import t from 'tap'
import { scratchDatabase } from '../backends/postgres.js'
import { rotation } from '../cli/rotation.js'
import { ensureBuilt } from '../server.js'
import { realServer } from './helpers.js'

t.test('postgres: tokens rotate', async (t) => {
  const adminUrl = realServer(t)
  if (adminUrl === undefined) return
  ensureBuilt()
  const dir = t.testdir()
  const fresh = async () => ({ PERSISTENCE: 'postgres', DATABASE_URL: await scratchDatabase(t, adminUrl) })
  await rotation(t, dir, await fresh(), fresh)
})
