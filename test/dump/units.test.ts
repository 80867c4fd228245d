import { PassThrough } from 'node:stream'
import t from 'tap'
import { uuidv7 } from 'uuidv7'
import { UuidSet } from '../../src/dump/id-set.js'
import { progressOn } from '../../src/dump/progress.js'

t.test('UuidSet holds every id it is given, exactly, as it grows', async (t) => {
  const set = new UuidSet()
  const ids = Array.from({ length: 20_000 }, () => uuidv7())
  t.equal(ids.filter((id) => !set.add(id)).length, 0, 'every new id is added')
  t.equal(set.size, ids.length)
  t.equal(
    ids.every((id) => set.has(id)),
    true,
    'every id is found after growing',
  )
  t.equal(set.add(ids[123] as string), false, 'a duplicate is refused')
  t.equal(set.add((ids[5] as string).toUpperCase()), false, 'case does not make a new id')
  t.equal(set.has('0190b1d4-0000-7000-8000-000000000000'), false)
  t.equal(set.size, ids.length)
})

t.test('UuidSet sized for its ids holds them all, and more than it was sized for', async (t) => {
  const set = new UuidSet(3_000)
  const ids = Array.from({ length: 5_000 }, () => uuidv7())
  t.equal(ids.filter((id) => !set.add(id)).length, 0, 'every new id is added, past the size asked for')
  t.equal(
    ids.every((id) => set.has(id)),
    true,
  )
  t.equal(set.add(`urn:uuid:${ids[7]}`), false, 'the urn form is the same id')
  t.equal(set.has((ids[4_999] as string).toUpperCase()), true)
  t.equal(set.has('00000000-0000-0000-0000-000000000000'), false)
  t.equal(set.add('00000000-0000-0000-0000-000000000000'), true, 'the nil UUID is an id like any other')
  t.equal(set.has('00000000-0000-0000-0000-000000000000'), true)
  t.equal(set.size, ids.length + 1)
})

t.test('progress: a bar with percentage and rows/s on a terminal, nothing otherwise', async (t) => {
  const tty = Object.assign(new PassThrough(), {
    isTTY: true,
    columns: 100,
    cursorTo() {},
    clearLine() {},
    moveCursor() {},
  })
  let drawn = ''
  tty.on('data', (chunk) => {
    drawn += chunk
  })
  const bar = progressOn(tty as unknown as NodeJS.WriteStream)
  bar.start('exporting', 10)
  bar.advance(5)
  bar.advance(5)
  bar.stop()
  t.match(drawn, /exporting/)
  t.match(drawn, /100%/)
  t.match(drawn, /rows\/s/)

  const pipe = Object.assign(new PassThrough(), { isTTY: false })
  let written = ''
  pipe.on('data', (chunk) => {
    written += chunk
  })
  const none = progressOn(pipe as unknown as NodeJS.WriteStream)
  none.start('exporting', 10)
  none.advance(10)
  none.stop()
  t.equal(written, '', 'no bar when the output is not a terminal')
})
