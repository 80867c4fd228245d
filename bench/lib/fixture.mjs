// Fixtures: which ids each scenario asks a server for. Seeded databases get theirs from the data set's pure
// functions; the memory backend, which starts empty, is seeded over HTTP and its fixture read from the answers.
import { createdCursor } from './dataset.mjs'
import { streams, taskPool } from './scenarios.mjs'
import { indexStream } from './stats.mjs'

const PICKS = 8192

/** How many tasks the PATCH scenario rotates through: plenty per connection, never all of a small table. */
export const patchPoolSize = (rows, maxConnections) =>
  Math.max(maxConnections * 8, Math.min(5000, Math.floor(rows / 2)))

function finish(fixture) {
  return { ...fixture, streams: streams(fixture) }
}

/** The fixture of a database seeded with rows [0, rows) of `data`. */
export function seededFixture(data, rows, maxConnections) {
  const pick = indexStream(rows, 0x2468ace)
  const hot = Math.min(data.hot, rows)
  const pickHot = indexStream(hot, 0x13579b)
  const pool = patchPoolSize(rows, maxConnections)
  const middle = Math.floor(rows / 2)
  return finish({
    rows,
    readTaskIds: Array.from({ length: PICKS }, () => data.taskId(pick())),
    hotEntityIds: Array.from({ length: Math.min(PICKS, hot) }, () => data.taskId(pickHot())),
    patchPool: taskPool(
      Array.from({ length: pool }, (_, k) => ({ id: data.taskId(rows - pool + k), version: 1 })),
    ),
    statusTaskId: data.taskId(0),
    deepCursor: createdCursor(data.iso(middle), data.statusUpdateId(middle)),
    /** The first row the deep page must start with: the one created just before the cursor's. */
    deepFirstId: data.statusUpdateId(middle - 1),
  })
}

/**
 * The fixture of a peer keyed by integers (the minimal reference, Platformatic DB) seeded with rows [0, rows) of
 * `data`: row i has id i + 1, and the picks are the same row indexes as `seededFixture`'s, in the same order.
 * Its list cursor is the last id of the page. `peer` adds what the peer changes in a request (`rewrite`) and
 * which scenarios it serves (`serves`).
 */
export function integerFixture(data, rows, maxConnections, peer = {}) {
  const pick = indexStream(rows, 0x2468ace)
  const hot = Math.min(data.hot, rows)
  const pickHot = indexStream(hot, 0x13579b)
  const pool = patchPoolSize(rows, maxConnections)
  const middle = Math.floor(rows / 2)
  return finish({
    rows,
    readTaskIds: Array.from({ length: PICKS }, () => pick() + 1),
    hotEntityIds: Array.from({ length: Math.min(PICKS, hot) }, () => pickHot() + 1),
    patchPool: taskPool(Array.from({ length: pool }, (_, k) => ({ id: rows - pool + k + 1, version: 1 }))),
    statusTaskId: 1,
    // Row `middle` has id middle + 1; the page after it starts at row middle - 1, id middle.
    deepCursor: String(middle + 1),
    deepFirstId: middle,
    ...peer,
  })
}

async function call(url, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'x-actor': 'seed', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`)
  return { body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') }
}

/** Runs `work(i)` for i in [0, n) with `width` requests in flight. */
async function parallel(n, width, work) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await work(next++)
    }),
  )
}

/**
 * Seeds an empty server over HTTP with `rows` tasks and status updates, gives the first tenth (at most 100) of
 * the tasks nine PATCHes each (ten audit entries), and walks the list to a cursor half way down.
 */
export async function seedOverHttp(url, rows, maxConnections) {
  const tasks = new Array(rows)
  await parallel(rows, 16, async (i) => {
    const { body } = await call(url, 'POST', '/tasks', { title: `Seeded task ${i}`, assignees: ['ada'] })
    tasks[i] = body
  })
  tasks.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  )
  await parallel(rows, 16, (i) =>
    call(url, 'POST', '/status-updates', { message: `Seeded status update ${i}`, taskId: tasks[i].id }),
  )
  const hot = tasks.slice(0, Math.max(1, Math.min(100, Math.floor(rows / 10))))
  await parallel(hot.length, 16, async (i) => {
    let version = 1
    for (let k = 0; k < 9; k++) {
      const { etag } = await fetch(`${url}/tasks/${hot[i].id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-actor': 'seed', 'if-match': `"${version}"` },
        body: JSON.stringify({ status: version % 2 === 1 ? 'in_progress' : 'todo' }),
      }).then(async (response) => {
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`PATCH /tasks/:id answered ${response.status} while seeding`)
        return { etag: response.headers.get('etag') }
      })
      version = Number(/"(\d+)"/.exec(etag)[1])
    }
  })

  // Half way down the newest-first list, by following nextCursor as a client would.
  const depth = Math.floor(rows / 2)
  let cursor = null
  let seen = 0
  let deepFirstId
  while (seen < depth) {
    const limit = Math.min(200, depth - seen)
    const { body } = await call(
      url,
      'GET',
      `/status-updates?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    )
    seen += body.items.length
    cursor = body.nextCursor
    if (cursor === null) break
  }
  if (cursor !== null) {
    const { body } = await call(url, 'GET', `/status-updates?limit=1&cursor=${cursor}`)
    deepFirstId = body.items[0]?.id
  }

  const pick = indexStream(rows, 0x2468ace)
  const pickHot = indexStream(hot.length, 0x13579b)
  const pool = patchPoolSize(rows, maxConnections)
  return finish({
    rows,
    readTaskIds: Array.from({ length: PICKS }, () => tasks[pick()].id),
    hotEntityIds: Array.from({ length: Math.min(PICKS, hot.length) }, () => hot[pickHot()].id),
    patchPool: taskPool(tasks.slice(rows - pool).map((task) => ({ id: task.id, version: 1 }))),
    statusTaskId: tasks[0].id,
    deepCursor: cursor,
    deepFirstId,
  })
}

/** Checks that the fixture's deep cursor lands where it should on the server at `url`. */
export async function checkDeepCursor(fixture, url) {
  const { body } = await call(url, 'GET', `/status-updates?limit=1&cursor=${fixture.deepCursor}`)
  const first = body.items[0]?.id
  if (first !== fixture.deepFirstId) {
    throw new Error(`the deep cursor starts at ${first} on ${url}, not at ${fixture.deepFirstId}`)
  }
}
