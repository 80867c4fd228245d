// Random bodies, query strings and headers against every write and list route: never a 5xx, and a
// rejected request never changes the audit trail.
import fc from 'fast-check'
import t from 'tap'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

const jsonValue = fc.jsonValue({ maxDepth: 3 })
const fieldNames = fc.constantFrom(
  'title',
  'status',
  'priority',
  'assignees',
  'rationale',
  'version',
  'severity',
  'taskId',
  'reproSteps',
  'proposedFix',
  'message',
  'context',
  'decision',
  'consequences',
  'supersedes',
  'id',
  '__proto__',
  'x',
)
const body = fc.oneof(
  jsonValue,
  fc.dictionary(fieldNames, fc.oneof(jsonValue, fc.string(), fc.constant('a\u0000b'), fc.constant(''))),
)
const queryKey = fc.constantFrom(
  'limit',
  'cursor',
  'status',
  'priority',
  'assignee',
  'severity',
  'taskId',
  'actor',
  'since',
  'until',
  'state',
  'order',
  'entity',
  'entityId',
  'action',
  'version',
  'zzz',
)
const query = fc.array(fc.tuple(queryKey, fc.string({ maxLength: 40 })), { maxLength: 4 })
const headers = fc.record(
  {
    'x-actor': fc.string({ maxLength: 30 }),
    'if-match': fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.nat(5).map((n) => `"${n}"`),
    ),
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-8',
    ),
  },
  { requiredKeys: [] },
)

const writes = [
  'POST /tasks',
  'POST /bugs',
  'POST /status-updates',
  'POST /design-notes',
  'PATCH /tasks/:id',
  'PATCH /bugs/:id',
  'DELETE /tasks/:id',
  'DELETE /bugs/:id',
]
const lists = ['/tasks', '/bugs', '/status-updates', '/design-notes', '/audit-entries']

const printable = (value: string) => value.replace(/[^\x20-\x7e]/g, '')

for (const backend of backends) {
  t.test(`${backend.name}: random requests never cause a 5xx or a stray audit entry`, async (t) => {
    const app = await build(t, backend)
    const task = (await app.inject({ method: 'POST', url: '/tasks', payload: { title: 'target' } })).json()
    const bug = (
      await app.inject({ method: 'POST', url: '/bugs', payload: { title: 'target', severity: 'low' } })
    ).json()
    const auditCount = async () => {
      let count = 0
      let cursor: string | null = null
      do {
        const url: string = `/audit-entries?limit=200${cursor ? `&cursor=${cursor}` : ''}`
        const page = (await app.inject({ method: 'GET', url })).json()
        count += page.items.length
        cursor = page.nextCursor
      } while (cursor)
      return count
    }

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), body, headers, async (route, payload, hdrs) => {
        const [method, path] = route.split(' ') as ['POST' | 'PATCH' | 'DELETE', string]
        const url = path.replace(':id', path.startsWith('/tasks') ? task.id : bug.id)
        const before = await auditCount()
        const res = await app.inject({
          method,
          url,
          payload: JSON.stringify(payload),
          headers: {
            'content-type': 'application/json',
            ...hdrs,
            'x-actor': printable(hdrs['x-actor'] ?? 'prop') || 'prop',
          },
        })
        if (res.statusCode >= 500) throw new Error(`${route} answered ${res.statusCode}: ${res.body}`)
        if (res.statusCode >= 400) {
          if (!String(res.headers['content-type']).startsWith('application/problem+json'))
            throw new Error('not a problem')
          if ((await auditCount()) !== before)
            throw new Error(`${route} was rejected but changed the audit trail`)
        }
      }),
      { numRuns: 150 },
    )

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), query, async (path, pairs) => {
        const search = new URLSearchParams(pairs).toString()
        const res = await app.inject({ method: 'GET', url: `${path}?${search}` })
        if (res.statusCode !== 200 && res.statusCode !== 400) {
          throw new Error(`${path}?${search} answered ${res.statusCode}: ${res.body}`)
        }
      }),
      { numRuns: 150 },
    )
    t.pass('held for every generated request')
  })
}
