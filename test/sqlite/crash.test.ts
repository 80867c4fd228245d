// kill -9 in the middle of a write load: after a restart on the same file every write the server had
// acknowledged (201) is there with its audit entry, and the file passes SQLite's integrity check.
import { join } from 'node:path'
import t from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { startServer } from '../server.js'
import { assertAllPresent, writeUntilDead } from '../write-load.js'
import { assertContiguousSeq } from './helpers.js'

const ACKNOWLEDGED_PER_CYCLE = 150
const CYCLES = 3

t.test('SIGKILL under write load loses no acknowledged write and leaves a sound file', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  const acknowledged: string[] = []
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = await startServer(t, { PERSIST_DB_PATH: path })
    await assertAllPresent(t, server, acknowledged)
    const killAt = acknowledged.length + ACKNOWLEDGED_PER_CYCLE
    const unexpected = await writeUntilDead(server, (id) => {
      acknowledged.push(id)
      if (acknowledged.length === killAt) server.kill()
    })
    t.same(unexpected, [], `cycle ${cycle}: every answered write was a 201`)
    t.equal(await server.exited, 'SIGKILL')

    const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
    t.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok', `cycle ${cycle}: integrity_check is ok`)
    t.same(sqlite.pragma('foreign_key_check'), [])
    assertContiguousSeq(t, sqlite)
    closeSqlite(sqlite)
  }

  const server = await startServer(t, { PERSIST_DB_PATH: path })
  await assertAllPresent(t, server, acknowledged)
  t.equal(await server.stop(), 0, 'a graceful stop exits 0')
})
