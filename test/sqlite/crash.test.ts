// kill -9 in the middle of a write load: after a restart on the same file every write the server had
// acknowledged (201) is there with its audit entry, and the file passes SQLite's integrity check.
import { join } from 'node:path'
import t from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { startServer } from '../server.js'
import { assertAllPresent, killUnderLoad } from '../write-load.js'
import { assertContiguousSeq } from './helpers.js'

t.test('SIGKILL under write load loses no acknowledged write and leaves a sound file', async (t) => {
  const path = join(t.testdir(), 'trail.db')
  const start = () => startServer(t, { PERSIST_DB_PATH: path })
  const acknowledged = await killUnderLoad(t, start, (cycle) => {
    const sqlite = openSqlite(path, { synchronous: 'NORMAL' })
    t.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok', `cycle ${cycle}: integrity_check is ok`)
    t.same(sqlite.pragma('foreign_key_check'), [])
    assertContiguousSeq(t, sqlite)
    closeSqlite(sqlite)
  })

  const server = await start()
  await assertAllPresent(t, server, acknowledged)
  t.equal(await server.stop(), 0, 'a graceful stop exits 0')
})
