// The verifier hashes stored rows: a stored entry (epoch-ms time, diff as JSON text, any text a tampered row may
// hold) hashes to what chainHash gives the entry the API returns, and a pinned entry keeps the hash of every
// entry already stored from changing.
import fc from 'fast-check'
import t from 'tap'
import {
  canonicalText,
  chainHash,
  type HashedFields,
  isoOfStored,
  type StoredAuditEntry,
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
      return outcome(() => storedChainHash(row)) === outcome(() => chainHash(row.prevHash, entry))
    }),
    { numRuns: 5000 },
  )
  t.pass('the same hash, or the same refusal, for every row generated')
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
  t.equal(storedChainHash(stored), hash)
})
