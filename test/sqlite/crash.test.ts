// kill -9 in the middle of a write load: after a restart on the same file every write the server had
// acknowledged (201) is there with its audit entry, and the file passes SQLite's integrity check.
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { type RunningServer, startServer } from '../server.js'
import { assertContiguousSeq } from './helpers.js'

const WRITERS = 16
const ACKNOWLEDGED_PER_CYCLE = 150
const CYCLES = 3

/**
 * Concurrent writers POST tasks until the server dies; `onCreated` hears each acknowledged id. Resolves
 * with the statuses other than 201 (there should be none).
 */
async function writeUntilDead(server: RunningServer, onCreated: (id: string) => void) {
  const unexpected: number[] = []
  const writer = async (n: number) => {
    for (let i = 0; ; i++) {
      let response: Response
      try {
        response = await fetch(`${server.url}/tasks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-actor': `writer-${n}` },
          body: JSON.stringify({ title: `task ${n}.${i}`, assignees: [`w${n}`], rationale: 'load' }),
        })
      } catch {
        return // the server is gone; whether this last write landed is unknown, and either is fine
      }
      if (response.status === 201) onCreated(((await response.json()) as { id: string }).id)
      else unexpected.push(response.status)
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)))
  return unexpected
}

/** Every item of a list, following its cursors. */
async function listAll(server: RunningServer, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let cursor: string | null = null
  do {
    const query: string = cursor === null ? '' : `&cursor=${cursor}`
    const page = (await (await fetch(`${server.url}${path}&limit=200${query}`)).json()) as {
      items: Record<string, unknown>[]
      nextCursor: string | null
    }
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

/** The restarted server lists every acknowledged task, and a `create` audit entry for each. */
async function assertAllPresent(t: Test, server: RunningServer, ids: string[]) {
  const tasks = new Set((await listAll(server, '/tasks?')).map((task) => task.id))
  const audited = new Set(
    (await listAll(server, '/audit-entries?entity=task&action=create')).map((entry) => entry.entityId),
  )
  t.same(
    ids.filter((id) => !tasks.has(id) || !audited.has(id)),
    [],
    `all ${ids.length} acknowledged tasks are there with their audit entries`,
  )
}

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
