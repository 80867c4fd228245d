// Where entries go in the trail and the time a write records: one place for every backend.
import t from 'tap'
import { chainHash, GENESIS_HASH } from '../../src/domains/audit/chain.js'
import { sequence, writeTime } from '../../src/domains/audit/entries.js'
import { planTaskCreate } from '../../src/domains/tasks/plans.js'

const at = (iso: string) => Date.parse(iso)

t.test('sequence numbers pending entries after the tail and links each into the chain', async (t) => {
  const pending = [...planTaskCreate({ title: 'a' }, 'ada', '2030-01-01T00:00:00.000Z').audit]
  pending.push(...planTaskCreate({ title: 'b' }, 'ada', '2030-01-01T00:00:00.000Z').audit)
  const entries = sequence(pending, { lastSeq: 41, lastAt: undefined, lastHash: GENESIS_HASH })
  t.same(
    entries.map((e) => e.seq),
    [42, 43],
  )
  t.same(Object.keys(entries[0] ?? {}), [
    'id',
    'seq',
    'actor',
    'entity',
    'entityId',
    'action',
    'at',
    'diff',
    'prevHash',
    'hash',
  ])
  const [first, second] = entries as [(typeof entries)[0], (typeof entries)[0]]
  t.equal(first.prevHash, GENESIS_HASH, 'the first links to the tail hash')
  t.equal(first.hash, chainHash(GENESIS_HASH, first))
  t.equal(second.prevHash, first.hash, 'the next links to the one before')
  t.match(second.hash, /^[0-9a-f]{64}$/)
  const after = sequence(pending, { lastSeq: 41, lastAt: undefined, lastHash: 'a'.repeat(64) })
  t.equal(after[0]?.prevHash, 'a'.repeat(64))
  t.same(sequence(pending, { lastSeq: 0, lastAt: undefined, lastHash: GENESIS_HASH })[0]?.seq, 1)
})

t.test('write time: the clock, never before the newest entry', async (t) => {
  const clock = () => at('2030-01-01T00:00:05.000Z')
  t.equal(
    writeTime(clock, { lastSeq: 0, lastAt: undefined, lastHash: GENESIS_HASH }),
    '2030-01-01T00:00:05.000Z',
  )
  t.equal(
    writeTime(clock, { lastSeq: 3, lastAt: at('2030-01-01T00:00:01.000Z'), lastHash: GENESIS_HASH }),
    '2030-01-01T00:00:05.000Z',
  )
  t.equal(
    writeTime(clock, { lastSeq: 3, lastAt: at('2030-01-01T00:00:09.000Z'), lastHash: GENESIS_HASH }),
    '2030-01-01T00:00:09.000Z',
  )
})
