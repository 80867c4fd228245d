// Where entries go in the trail and the time a write records: one place for every backend.
import t from 'tap'
import { sequence, writeTime } from '../../src/domains/audit/entries.js'
import { planTaskCreate } from '../../src/domains/tasks/plans.js'

const at = (iso: string) => Date.parse(iso)

t.test('sequence numbers pending entries after the tail, in order, seq last', async (t) => {
  const pending = [...planTaskCreate({ title: 'a' }, 'ada', '2030-01-01T00:00:00.000Z').audit]
  pending.push(...planTaskCreate({ title: 'b' }, 'ada', '2030-01-01T00:00:00.000Z').audit)
  const entries = sequence(pending, { lastSeq: 41, lastAt: undefined })
  t.same(
    entries.map((e) => e.seq),
    [42, 43],
  )
  t.equal(Object.keys(entries[0] ?? {}).at(-1), 'seq')
  t.same(sequence(pending, { lastSeq: 0, lastAt: undefined })[0]?.seq, 1)
})

t.test('write time: the clock, never before the newest entry', async (t) => {
  const clock = () => at('2030-01-01T00:00:05.000Z')
  t.equal(writeTime(clock, { lastSeq: 0, lastAt: undefined }), '2030-01-01T00:00:05.000Z')
  t.equal(
    writeTime(clock, { lastSeq: 3, lastAt: at('2030-01-01T00:00:01.000Z') }),
    '2030-01-01T00:00:05.000Z',
  )
  t.equal(
    writeTime(clock, { lastSeq: 3, lastAt: at('2030-01-01T00:00:09.000Z') }),
    '2030-01-01T00:00:09.000Z',
  )
})
