// Rows move between memory and PostgreSQL unchanged, byte for byte. What every backend's load does (into an
// empty database, refusing one with data, writing nothing when a row fails) is in test/dump/load.test.ts.
import t from 'tap'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { openPostgres } from '../backends/postgres.js'
import { fromArray, snapshotRows } from '../dump/helpers.js'
import { seedRepos } from '../fixtures.js'

t.test('the same rows move between memory and PostgreSQL unchanged', async (t) => {
  const memory = createMemoryRepos()
  await seedRepos(memory)
  const fromMemory = await snapshotRows(memory)
  const { repos } = await openPostgres(t)
  await repos.dump.load(fromArray(fromMemory))
  const fromPostgres = await snapshotRows(repos)
  t.equal(
    JSON.stringify(fromPostgres),
    JSON.stringify(fromMemory),
    'the same row lines, byte for byte (key order included)',
  )
})
