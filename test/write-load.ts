// A write load that runs until its server dies, and the check that a restarted server still has every write it
// acknowledged: the kill -9 tests of each backend share them (test/sqlite/crash.test.ts,
// test/postgres/crash.test.ts).
import type { Test } from 'tap'
import type { RunningServer } from './server.js'

const WRITERS = 16
const CYCLES = 3
const ACKNOWLEDGED_PER_CYCLE = 150

/**
 * Three times: starts a server (`start`), checks that it has every write acknowledged so far, loads it with
 * concurrent writes and kills it with SIGKILL once 150 more were acknowledged, then calls `afterKill`. Resolves
 * with the ids of every acknowledged write, for the check of a last restart.
 */
export async function killUnderLoad(
  t: Test,
  start: () => Promise<RunningServer>,
  afterKill: (cycle: number) => void = () => {},
): Promise<string[]> {
  const acknowledged: string[] = []
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = await start()
    await assertAllPresent(t, server, acknowledged)
    const killAt = acknowledged.length + ACKNOWLEDGED_PER_CYCLE
    const unexpected = await writeUntilDead(server, (id) => {
      acknowledged.push(id)
      if (acknowledged.length === killAt) server.kill()
    })
    t.same(unexpected, [], `cycle ${cycle}: every answered write was a 201`)
    t.equal(await server.exited, 'SIGKILL')
    afterKill(cycle)
  }
  return acknowledged
}

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
export async function assertAllPresent(t: Test, server: RunningServer, ids: string[]) {
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
