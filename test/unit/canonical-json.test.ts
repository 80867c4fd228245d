// The verifier's fast path to the chain's hash is the hash: canonicalParsedJson writes what the `canonicalize`
// library writes for any value JSON.parse can return (or refuses what it refuses), and a stored entry hashes
// to what chainHash gives the entry the API returns. A pinned entry keeps the hash of every entry already
// stored from changing.
import canonicalize from 'canonicalize'
import fc from 'fast-check'
import t from 'tap'
import { canonicalJsonText, canonicalParsedJson } from '../../src/core/canonical-json.js'
import {
  canonicalText,
  chainHash,
  type HashedFields,
  isoOfStored,
  type StoredAuditEntry,
  storedCanonicalText,
  storedChainHash,
} from '../../src/domains/audit/chain.js'

/** Text of every kind: lone surrogates, astral characters, escapes, and keys that name Object.prototype. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '\ud800', '\udfff', 'a\ud83d', '😀', '\u2028', '\u007f', '"\\/\b\f\n\r\t', '\u0000'),
  fc.constantFrom('__proto__', 'constructor', 'toJSON', 'hasOwnProperty', '10', '2', 'é', 'e\u0301'),
)

/** Numbers of every form RFC 8785 writes differently: -0, exponents, the ends of the double range. */
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    -0,
    1e21,
    1e-7,
    5e-324,
    Number.MAX_VALUE,
    2 ** 53,
    0.1 + 0.2,
    Number.POSITIVE_INFINITY,
    Number.NaN,
  ),
)

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
}))

/** What `work` gives, or the message it throws: two paths agree when both are the same. */
function outcome(work: () => string): string {
  try {
    return `text ${work()}`
  } catch (error) {
    return `throws ${(error as Error).message}`
  }
}

t.test('canonicalParsedJson writes what canonicalize writes, or refuses with its message', async (t) => {
  fc.assert(
    fc.property(value, (v) => {
      // Values as JSON.parse returns them: the only input the fast path takes.
      const json = outcome(() => JSON.stringify(v))
      if (!json.startsWith('text ')) return true
      const parsed = JSON.parse(json.slice(5))
      return outcome(() => canonicalParsedJson(parsed)) === outcome(() => canonicalize(parsed) as string)
    }),
    { numRuns: 5000 },
  )
  t.pass('the same text or the same refusal for every value generated')
  t.equal(canonicalParsedJson(JSON.parse('{"__proto__":[1],"a":{}}')), '{"__proto__":[1],"a":{}}')
  t.throws(() => canonicalParsedJson(JSON.parse('[1e400]')), /Infinity is not allowed/)
  t.throws(() => canonicalParsedJson(JSON.parse('"\\ud800"')), /Lone surrogate/)
})

/** JSON text as trail writes it, other writers might, and an edit of the database could leave it. */
const jsonText = fc.oneof(
  value.map((v) => JSON.stringify(v)),
  value.map((v) => JSON.stringify(v, null, 1)),
  value.map((v) => outcome(() => canonicalize(JSON.parse(JSON.stringify(v))) as string).slice(5)),
  // Damaged: a character put in, taken out or replaced, mostly one JSON gives meaning to.
  fc
    .tuple(
      value.map((v) => JSON.stringify(v)),
      fc.nat(),
      fc.nat({ max: 2 }),
      fc.oneof(fc.constantFrom(...'{}[]",: 0-1e+.E'), fc.string({ unit: 'binary', maxLength: 1 })),
    )
    .map(([text, at, how, c]) => {
      const i = text.length === 0 ? 0 : at % text.length
      return how === 0
        ? text.slice(0, i) + c + text.slice(i)
        : how === 1
          ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + c + text.slice(i + 1)
    }),
  fc.constantFrom(
    '{"b":1,"a":2}',
    '{"a":1,"a":2}',
    '{"a":1e400}',
    '{"a":-0}',
    '[1.0]',
    '{"a!":1,"a":2}',
    '[',
    '',
  ),
)

t.test('canonicalJsonText answers canonicalParsedJson(JSON.parse(text)) or leaves it to it', async (t) => {
  let answered = 0
  fc.assert(
    fc.property(jsonText, (text) => {
      const quick = canonicalJsonText(text)
      if (quick === undefined) return true
      answered++
      return quick === outcome(() => canonicalize(JSON.parse(text)) as string).replace(/^text /, '')
    }),
    { numRuns: 20000 },
  )
  t.ok(answered > 2000, `it answered ${answered} of the texts itself`)
  // What trail stores answers on the quick path: JSON.stringify of a diff with plain text and numbers.
  const diff = {
    status: ['todo', 'done'],
    version: [1, 2],
    assignees: [['b', 'a'], []],
    note: [null, { z: 1, a: 0.5 }],
  }
  t.equal(canonicalJsonText(JSON.stringify(diff)), canonicalize(diff))
  t.equal(canonicalJsonText('{"a!":1,"a":2}'), '{"a":2,"a!":1}', 'a key sorts before the keys it begins')
  t.equal(canonicalJsonText('{"a":1,"a":2}'), undefined, 'a repeated key is left to JSON.parse')
  t.equal(canonicalJsonText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), undefined, 'too deep')
})

/** Stored rows as a tampered database may hold them too: any text in any column. */
const storedEntry: fc.Arbitrary<StoredAuditEntry> = fc.record({
  id: text,
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  actor: text,
  entity: fc.oneof(fc.constantFrom('task', 'bug', 'audit'), text),
  entityId: text,
  action: fc.oneof(fc.constantFrom('create', 'update', 'delete', 'prune'), text),
  at: fc.integer({ min: -8.64e15, max: 8.64e15 }),
  diff: fc.dictionary(text, fc.tuple(value, value), { maxKeys: 6 }).map((diff) => JSON.stringify(diff)),
  prevHash: fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
    text,
  ),
  hash: fc.constant(''),
})

t.test('a stored entry hashes as chainHash hashes the entry the API returns', async (t) => {
  fc.assert(
    fc.property(storedEntry, (row) => {
      // Any text as entity and action: a tampered row is hashed as it is.
      const entry = { ...row, at: new Date(row.at).toISOString(), diff: JSON.parse(row.diff) } as HashedFields
      return (
        outcome(() => storedCanonicalText(row)) === outcome(() => canonicalText(entry)) &&
        outcome(() => storedChainHash(row)) === outcome(() => chainHash(row.prevHash, entry))
      )
    }),
    { numRuns: 5000 },
  )
  t.pass('the same text and hash, or the same refusal, for every row generated')
})

t.test('isoOfStored writes what toISOString writes, one time after another', async (t) => {
  const near = fc.integer({ min: -2500, max: 2500 })
  const edge = fc.constantFrom(0, -1, 999, 1000, -1000, 8.64e15, -8.64e15, 8.64e15 - 1, 1.5, -0.5, Number.NaN)
  const base = fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), edge)
  fc.assert(
    fc.property(base, fc.array(fc.oneof(near, edge), { maxLength: 8 }), (start, steps) =>
      [start, ...steps.map((step) => start + step)].every(
        (ms) => outcome(() => isoOfStored(ms)) === outcome(() => new Date(ms).toISOString()),
      ),
    ),
    { numRuns: 5000 },
  )
  t.pass('the same text, or the same refusal, for every time generated')
})

t.test('the hash of an entry is what it was when the chain was introduced', async (t) => {
  const entry = {
    id: '01a22be5-9c18-7bbd-9170-09fb36a8265f',
    seq: 7,
    actor: 'zoë',
    entity: 'task' as const,
    entityId: '01a22be5-9c18-75b9-a848-53ec7cf56df8',
    action: 'update' as const,
    at: '2030-01-01T00:00:00.000Z',
    diff: {
      title: ['a "quoted" \u2028 title', 'b/😀'],
      version: [1, 2],
      estimate: [null, 1e21],
      ratio: [0.1, -0],
      z: [{ b: 1, a: [true, false] }, null],
    },
  }
  const expected = canonicalText(entry)
  t.equal(
    expected,
    '{"action":"update","actor":"zoë","at":"2030-01-01T00:00:00.000Z","diff":{"estimate":[null,1e+21],' +
      '"ratio":[0.1,0],"title":["a \\"quoted\\" \u2028 title","b/😀"],"version":[1,2],' +
      '"z":[{"a":[true,false],"b":1},null]},"entity":"task","entityId":"01a22be5-9c18-75b9-a848-53ec7cf56df8",' +
      '"id":"01a22be5-9c18-7bbd-9170-09fb36a8265f","seq":7}',
  )
  // sha256 of 'a' × 64 then that text, as node:crypto's createHash computed it when the chain was introduced.
  const hash = '4e90517a01970e45b143e84aa62e744fed1413a22e27c42cd864b492dbafc6cc'
  t.equal(chainHash('a'.repeat(64), entry), hash)
  const stored = {
    ...entry,
    at: Date.parse(entry.at),
    diff: JSON.stringify(entry.diff),
    prevHash: 'a'.repeat(64),
    hash,
  }
  t.equal(storedCanonicalText(stored), expected)
  t.equal(storedChainHash(stored), hash)
})
