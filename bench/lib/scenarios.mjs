// The routes the bench loads, each a request factory over a fixture (the ids a server's data set holds), used
// both for the pre-flight check (one request through fetch) and by autocannon's setupRequest/onResponse.
import { indexStream } from './stats.mjs'

const READ = { 'x-actor': 'bench' }
const WRITE = { 'content-type': 'application/json', 'x-actor': 'bench' }

const TASK_BODY = JSON.stringify({
  title: 'Benchmark task: ship the importer',
  priority: 'high',
  assignees: ['ada', 'bob'],
  rationale: 'Users are moving to PostgreSQL',
})
const statusUpdateBody = (taskId) =>
  JSON.stringify({ message: 'Reader streams; the writer is next and nothing is blocked', taskId })

const etagVersion = (etag) => {
  const match = /"(\d+)"/.exec(String(etag ?? ''))
  return match ? Number(match[1]) : undefined
}

/**
 * Tasks to PATCH with If-Match, each lent to one request at a time and given back with the version its answer
 * names (ETag), so no request ever carries a stale version: every PATCH is a real change, never a 412.
 */
export function taskPool(tasks) {
  const free = tasks.map((task) => ({ ...task }))
  let head = 0
  const lent = new Map()
  return {
    size: tasks.length,
    take() {
      if (head >= free.length) throw new Error('the PATCH task pool ran dry: use fewer connections')
      const task = free[head++]
      if (head > 4096 && head * 2 > free.length) {
        free.splice(0, head)
        head = 0
      }
      lent.set(task.id, task)
      return task
    },
    give(task, etag) {
      const version = etagVersion(etag)
      if (version === undefined) return // left lent: settle() asks the server
      task.version = version
      lent.delete(task.id)
      free.push(task)
    },
    /**
     * Gives back the tasks whose answer never came (cut off at the end of a run), at their current version:
     * read after the server has had time to finish those requests, or a PATCH still committing would be read
     * at its old version and the next run's first PATCH of that task would be a 412.
     */
    async settle(url) {
      if (lent.size === 0) return
      await new Promise((resolve) => setTimeout(resolve, 1000))
      for (const task of [...lent.values()]) {
        const response = await fetch(`${url}/tasks/${task.id}`, { headers: READ })
        await response.arrayBuffer()
        this.give(task, response.headers.get('etag'))
      }
    },
  }
}

/** The status a PATCH sets: todo ⇄ in_progress by version parity, so each one changes the task. */
const nextStatus = (version) => (version % 2 === 1 ? 'in_progress' : 'todo')

// Reads first, on the seeded table sizes; then the writes, which add rows.
export const SCENARIOS = [
  {
    key: 'get-task',
    route: 'GET /tasks/:id',
    next: (f) => {
      const pick = f.streams.getTask
      return () => ({ method: 'GET', path: `/tasks/${f.readTaskIds[pick()]}`, headers: READ })
    },
  },
  {
    key: 'list-first',
    route: 'GET /status-updates?limit=50',
    fixed: () => ({ method: 'GET', path: '/status-updates?limit=50', headers: READ }),
  },
  {
    key: 'list-deep',
    route: 'GET /status-updates?limit=50 (deep cursor)',
    fixed: (f) => ({
      method: 'GET',
      path: `/status-updates?limit=50&cursor=${f.deepCursor}`,
      headers: READ,
    }),
  },
  {
    key: 'audit-entity',
    route: 'GET /audit-entries?entityId=…',
    next: (f) => {
      const pick = f.streams.audit
      return () => ({
        method: 'GET',
        path: `/audit-entries?entityId=${f.hotEntityIds[pick()]}`,
        headers: READ,
      })
    },
  },
  {
    // A word of one seeded row: every seeded title and message carries its row number ("Seeded task 4242: …"),
    // the only token that is not in every row of its table, so each query finds a task and a status update.
    // Served by trail and by the reference (the same index, the same prepared query); not by the servers keyed
    // by integers (the minimal server, the peers), which have no search index.
    key: 'search',
    route: 'GET /search?q=<word>',
    needsSearchIndex: true,
    next: (f) => {
      const pick = f.streams.search
      return () => ({ method: 'GET', path: `/search?q=${pick()}`, headers: READ })
    },
  },
  {
    key: 'post-task',
    route: 'POST /tasks',
    write: true,
    fixed: () => ({ method: 'POST', path: '/tasks', headers: WRITE, body: TASK_BODY }),
  },
  {
    key: 'patch-task',
    route: 'PATCH /tasks/:id If-Match',
    write: true,
    next: (f) => () => {
      const task = f.patchPool.take()
      return {
        method: 'PATCH',
        path: `/tasks/${task.id}`,
        headers: { ...WRITE, 'if-match': `"${task.version}"` },
        body: JSON.stringify({ status: nextStatus(task.version) }),
        done: (headers) => f.patchPool.give(task, headers.etag),
      }
    },
    settle: (f, url) => f.patchPool.settle(url),
  },
  {
    key: 'post-status-update',
    route: 'POST /status-updates',
    write: true,
    fixed: (f) => ({
      method: 'POST',
      path: '/status-updates',
      headers: WRITE,
      body: statusUpdateBody(f.statusTaskId),
    }),
  },
]

/** Fresh deterministic pickers, so trail and the reference are asked for the same ids in the same order. */
export const streams = (f) => ({
  getTask: indexStream(f.readTaskIds.length, 0x1234567),
  audit: indexStream(f.hotEntityIds.length, 0x7654321),
  search: indexStream(f.rows, 0x5ea4c4),
})

/** autocannon's request options for `scenario` over fixture `f`. */
export function autocannonRequest(scenario, f) {
  // autocannon takes the path from `requests` (a top-level `path` is overridden by the URL's).
  if (scenario.fixed) return { requests: [requestOf(scenario, f)] }
  const next = nextOf(scenario, f)
  return {
    requests: [
      {
        setupRequest(request, context) {
          const r = next()
          context.r = r
          request.method = r.method
          request.path = r.path
          request.headers = { ...request.headers, ...r.headers }
          if (r.body !== undefined) request.body = r.body
          return request
        },
        onResponse(_status, _body, context, headers) {
          context.r?.done?.(headers)
        },
      },
    ],
  }
}

/**
 * Whether the server of fixture `f` serves `scenario`: a peer may serve only some (`f.serves`), and a
 * search scenario is served only where the database holds trail's search index (`f.searchIndex`).
 */
export const serves = (f, scenario) =>
  (!scenario.needsSearchIndex || f.searchIndex === true) &&
  (f.serves === undefined || f.serves.includes(scenario.key))

/** The request factory of `scenario` over `f`, through the peer's `f.rewrite` (its paths, its body) if any. */
function nextOf(scenario, f) {
  const next = scenario.fixed ? () => scenario.fixed(f) : scenario.next(f)
  return f.rewrite ? () => f.rewrite(scenario.key, next()) : next
}
const requestOf = (scenario, f) => nextOf(scenario, f)()

/** One request of `scenario` through fetch; throws with the answer when it is not a 2xx. */
export async function preflight(scenario, f, url) {
  const r = requestOf(scenario, f)
  const response = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body })
  const body = Buffer.from(await response.arrayBuffer())
  r.done?.({ etag: response.headers.get('etag') })
  if (!response.ok) {
    throw new Error(`${scenario.route} answered ${response.status} ${body.toString('utf8', 0, 300)}`)
  }
  // The answer's size as sent: body bytes, and header lines ("name: value\r\n") after the status line.
  let headerBytes = 0
  let headers = 0
  for (const [name, value] of response.headers) {
    headerBytes += name.length + value.length + 4
    headers++
  }
  return { body: JSON.parse(body.toString('utf8')), size: { bodyBytes: body.length, headers, headerBytes } }
}
