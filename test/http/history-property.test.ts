// The history property, on every backend: after a random sequence of creates, patches, deletes and restores
// (live and undelete) of tasks and bugs, every version n read back from /:id/versions/n equals the entity as
// the API answered it at version n, the live entity equals its last answer, and every restore is audited.
import fc from 'fast-check'
import t from 'tap'
import { backends } from '../backends/index.js'
import { allAudit } from '../fixtures.js'
import { build, type TestApp } from '../helper.js'

type Entity = Record<string, unknown> & { id: string; version: number }
type Kind = 'tasks' | 'bugs'

/** What the run knows of one entity: every answer by version, whether it is deleted, how many restores. */
interface Known {
  kind: Kind
  answers: Map<number, Entity>
  current: Entity
  deleted: boolean
  restores: number
}

const taskPatch = fc.record(
  {
    title: fc.constantFrom('a', 'b', 'c'),
    status: fc.constantFrom('todo', 'in_progress', 'done'),
    priority: fc.constantFrom('low', 'high'),
    assignees: fc.uniqueArray(fc.constantFrom('ann', 'bob', 'cy'), { maxLength: 2 }),
    rationale: fc.constantFrom('because', 'why not'),
  },
  { requiredKeys: [] },
)
const bugPatch = fc.record(
  {
    title: fc.constantFrom('a', 'b', 'c'),
    severity: fc.constantFrom('low', 'critical'),
    status: fc.constantFrom('open', 'resolved'),
    reproSteps: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
    proposedFix: fc.constantFrom(null, 'fix'),
  },
  { requiredKeys: [] },
)

/** Which entity a step acts on: an index into those created so far (modulo their number). */
const pick = fc.nat(20)
const step = fc.oneof(
  fc.record({ op: fc.constant('create' as const), kind: fc.constantFrom<Kind>('tasks', 'bugs') }),
  fc.record({ op: fc.constant('patch' as const), which: pick, task: taskPatch, bug: bugPatch }),
  fc.record({ op: fc.constant('delete' as const), which: pick }),
  fc.record({ op: fc.constant('restore' as const), which: pick, version: fc.nat(20) }),
)

async function run(app: TestApp, steps: readonly Record<string, unknown>[]) {
  const known: Known[] = []
  const remember = (entry: Known, entity: Entity) => {
    entry.answers.set(entity.version, entity)
    entry.current = entity
  }
  for (const s of steps) {
    if (s.op === 'create') {
      const kind = s.kind as Kind
      const body = kind === 'tasks' ? { title: 'new', rationale: 'start' } : { title: 'new', severity: 'low' }
      const entity: Entity = (await app.inject({ method: 'POST', url: `/${kind}`, payload: body })).json()
      known.push({ kind, answers: new Map([[1, entity]]), current: entity, deleted: false, restores: 0 })
      continue
    }
    const entry = known[(s.which as number) % Math.max(known.length, 1)]
    if (entry === undefined) continue
    const url = `/${entry.kind}/${entry.current.id}`
    const ifMatch = { 'if-match': `"${entry.current.version}"` }
    if (s.op === 'patch' && !entry.deleted) {
      const payload = entry.kind === 'tasks' ? s.task : s.bug
      const res = await app.inject({ method: 'PATCH', url, headers: ifMatch, payload: payload as object })
      if (res.statusCode !== 200) throw new Error(`PATCH answered ${res.statusCode}: ${res.body}`)
      remember(entry, res.json())
    } else if (s.op === 'delete' && !entry.deleted) {
      const res = await app.inject({ method: 'DELETE', url, headers: ifMatch })
      if (res.statusCode !== 204) throw new Error(`DELETE answered ${res.statusCode}`)
      entry.deleted = true
    } else if (s.op === 'restore') {
      const versions = [...entry.answers.keys()]
      const version = versions[(s.version as number) % versions.length] as number
      const res = await app.inject({
        method: 'POST',
        url: `${url}/restore`,
        headers: entry.deleted ? {} : ifMatch,
        payload: { version },
      })
      if (res.statusCode !== 200) throw new Error(`restore answered ${res.statusCode}: ${res.body}`)
      if (res.json().version !== entry.current.version) entry.restores++
      entry.deleted = false
      remember(entry, res.json())
    }
  }
  return known
}

for (const backend of backends) {
  t.test(`${backend.name}: every version read back equals the entity as answered then`, async (t) => {
    // SQL backends open a database per run (PGlite is the slowest): fewer runs keep the file quick.
    const numRuns = { memory: 60, sqlite: 12, postgres: 8 }[backend.name]
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const app = await build(t, backend)
        const known = await run(app, steps)
        for (const entry of known) {
          const base = `/${entry.kind}/${entry.current.id}`
          for (const [version, answered] of entry.answers) {
            const res = await app.inject({ method: 'GET', url: `${base}/versions/${version}` })
            t.same(res.json(), answered, `${base} version ${version}`)
          }
          const live = await app.inject({ method: 'GET', url: base })
          if (entry.deleted) t.equal(live.statusCode, 404)
          else t.same(live.json(), entry.current)
          const audited = await allAudit(app.repos, { entityId: entry.current.id })
          const restoreEntries = audited.filter(
            (e) => e.action === 'restore' || (e.action === 'update' && restoredIn(e.diff)),
          )
          if (entry.kind === 'tasks')
            t.equal(restoreEntries.length, entry.restores, `${base} restores audited`)
          const versions = (await app.inject({ method: 'GET', url: `${base}/versions?limit=200` })).json()
          t.equal(versions.items.length, audited.length, 'one version item per audit entry')
        }
        await app.close()
      }),
      { numRuns },
    )
  })
}

/** Whether a task update's diff appended a "restored version n" line to the rationale log. */
function restoredIn(diff: Record<string, unknown[]>): boolean {
  const after = diff.rationaleLog?.[1] as { text: string }[] | undefined
  return /^restored version \d+$/.test(after?.at(-1)?.text ?? '')
}
