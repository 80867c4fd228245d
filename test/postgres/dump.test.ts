// Rows move between memory and PostgreSQL unchanged, byte for byte. What every backend's load does (into an
// empty database, refusing one with data, writing nothing when a row fails) is in test/dump/load.test.ts.
import t from 'tap'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { openPglite, openPostgres } from '../backends/postgres.js'
import { fromArray, snapshotRows } from '../dump/helpers.js'
import { seedRepos } from '../fixtures.js'

// A server loads through COPY, PGlite through INSERTs (src/persistence/postgres/dump.ts): with a server named,
// both paths run here.
for (const [name, open] of [
  ['PostgreSQL', openPostgres],
  ['PGlite', openPglite],
] as const) {
  t.test(`the same rows move between memory and ${name} unchanged`, async (t) => {
    const memory = createMemoryRepos()
    await seedRepos(memory)
    const fromMemory = await snapshotRows(memory)
    const { repos } = await open(t)
    t.teardown(() => repos.close())
    await repos.dump.load(fromArray(fromMemory))
    const fromPostgres = await snapshotRows(repos)
    t.equal(
      JSON.stringify(fromPostgres),
      JSON.stringify(fromMemory),
      'the same row lines, byte for byte (key order included)',
    )
  })
}
