// Whatever the API accepts survives a real dump round trip: random text (lone surrogates, zero-width and
// combining characters, emoji, NUL, long strings) through every write route; every write answered 200 or
// 201 is exported from the backend and imported into a fresh database of each kind, with identical rows.
// A title of 200 lone surrogates was once accepted, stored differently by each backend, and made every
// later dump unrestorable.
import fc from 'fast-check'
import t from 'tap'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { postgres } from '../backends/postgres.js'
import { sqlite } from '../backends/sqlite.js'
import { build, type TestApp } from '../helper.js'
import { dumpText, exportToFile, importFile, rowsAndEnd } from './helpers.js'

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    '\ud800',
    '\udfff',
    '\ud83d',
    '\u200b',
    '\u0301',
    'e\u0301',
    '😀',
    '👩‍👩‍👧',
    '\u0000',
    ' ',
    '\ufeff',
    '\u3164',
    '\t',
    '\n',
    '"',
    '\\',
    'a',
  ),
  // Near the 200-character limits, counted in code points, not UTF-16 units.
  fc.string({ unit: fc.constantFrom('😀', 'é', '\u200b', 'x'), minLength: 190, maxLength: 210 }),
)
const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''))
const texts = fc.array(text, { maxLength: 3 })

const write = fc.oneof(
  fc.record({ route: fc.constant('POST /tasks'), title: text, assignees: texts, rationale: text }),
  fc.record({ route: fc.constant('PATCH /tasks'), title: text, assignees: texts, rationale: text }),
  fc.record({ route: fc.constant('POST /bugs'), title: text, reproSteps: texts, proposedFix: text }),
  fc.record({ route: fc.constant('PATCH /bugs'), title: text, reproSteps: texts, proposedFix: text }),
  fc.record({ route: fc.constant('POST /status-updates'), message: text }),
  fc.record({
    route: fc.constant('POST /design-notes'),
    title: text,
    context: text,
    decision: text,
    consequences: text,
  }),
)
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never

/** Sends each write (PATCHes to the latest task or bug); how many were answered 200 or 201. */
async function apply(app: TestApp, writes: Write[]): Promise<number> {
  const latest: Record<string, { id: string; version: number }> = {}
  let accepted = 0
  for (const { route, ...fields } of writes) {
    const [method, path] = route.split(' ') as ['POST' | 'PATCH', string]
    const target = latest[path]
    if (method === 'PATCH' && target === undefined) continue
    const body =
      path === '/bugs' && method === 'POST'
        ? { ...fields, severity: 'low' }
        : method === 'PATCH'
          ? { ...fields, version: target?.version }
          : fields
    const res = await app.inject({
      method,
      url: method === 'PATCH' ? `${path}/${target?.id}` : path,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    })
    if (res.statusCode >= 500) throw new Error(`${route} answered ${res.statusCode}: ${res.payload}`)
    if (res.statusCode !== 200 && res.statusCode !== 201) continue
    accepted++
    const row = res.json()
    if (row.version !== undefined) latest[path] = { id: row.id, version: row.version }
  }
  return accepted
}

// Each kind of target, whatever TEST_BACKENDS says: a dump moves between backends.
const targets = [memory, sqlite, postgres]

for (const backend of backends) {
  t.test(`${backend.name}: every accepted write survives export and import into each backend`, async (t) => {
    let run = 0
    let acceptedInAll = 0
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 5 }), async (writes) => {
        const results = await t.test(`run ${++run}`, async (t) => {
          const source = await build(t, backend)
          acceptedInAll += await apply(source, writes)
          const path = await exportToFile(t, source.repos)
          const rows = rowsAndEnd(await dumpText(source.repos))
          for (const kind of targets) {
            const target = await build(t, kind)
            const summary = await importFile(path, target.repos)
            t.ok(summary.loaded, `imported into ${kind.name}`)
            t.equal(rowsAndEnd(await dumpText(target.repos)), rows, `identical rows in ${kind.name}`)
          }
        })
        return results?.ok !== false
      }),
      {
        numRuns: 4,
        // The findings: a leading U+FEFF, which PGlite's parser dropped (test/backends/postgres.ts); and
        // 200 lone surrogates, once accepted, became 600 U+FFFD in SQLite and 200 in PostgreSQL.
        examples: [
          [
            [
              { route: 'POST /tasks', title: '\ud800'.repeat(200), assignees: [], rationale: 'why' },
              { route: 'POST /status-updates', message: 'a\udc00b' },
              { route: 'POST /tasks', title: 'e\u0301 😀', assignees: ['\u200bx'], rationale: '👩‍👩‍👧' },
              // A leading byte order mark is text like any other, and must come back whole.
              { route: 'POST /status-updates', message: '\ufeffhello' },
            ],
          ],
        ],
      },
    )
    t.ok(acceptedInAll > 0, `${acceptedInAll} writes were accepted and moved`)
  })
}
