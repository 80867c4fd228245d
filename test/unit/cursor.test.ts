// List cursors on their own: what decodes, what is a 400, and how times are made canonical.
import t, { type Test } from 'tap'
import { canonicalTime, decodeCreatedCursor, decodeSeqCursor, encodeCursor } from '../../src/http/cursor.js'
import { thrown } from './helpers.js'

const ID = '01900000-0000-7000-8000-000000000001'
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

const isMalformed = (t: Test, fn: () => unknown, name: string) => {
  const error = thrown(fn)
  t.match(error, { status: 400, code: 'VALIDATION_FAILED' }, name)
  t.match(error.message, /cursor/)
  t.match(error.extra.errors, [{ path: '/querystring/cursor', message: /\S/ }])
}

t.test('no next page is no cursor', async (t) => {
  t.equal(encodeCursor(null), null)
})

t.test('a cursor is base64url JSON of the key, and decodes back to it', async (t) => {
  const created = { createdAt: '2026-01-01T00:00:00.000Z', id: ID }
  const cursor = encodeCursor(created) as string
  t.match(cursor, /^[A-Za-z0-9_-]+$/, 'safe in a URL as is')
  t.same(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')), created)
  t.same(decodeCreatedCursor(cursor), created)
  t.same(decodeSeqCursor(encodeCursor({ seq: 42 }) as string), { seq: 42 })
})

t.test('no cursor decodes to no position', async (t) => {
  t.equal(decodeCreatedCursor(undefined), undefined)
  t.equal(decodeSeqCursor(undefined), undefined)
})

t.test('the time in a created cursor is made canonical (UTC, milliseconds)', async (t) => {
  t.same(decodeCreatedCursor(raw({ createdAt: '2026-01-01T02:00:00+02:00', id: ID })), {
    createdAt: '2026-01-01T00:00:00.000Z',
    id: ID,
  })
  t.same(decodeCreatedCursor(raw({ createdAt: '2026-01-01T00:00:00Z', id: ID })), {
    createdAt: '2026-01-01T00:00:00.000Z',
    id: ID,
  })
})

t.test('a created cursor of the wrong shape is a 400 naming the cursor', async (t) => {
  const bad: [string, string][] = [
    ['not base64 JSON', '%%%'],
    ['empty', ''],
    ['JSON, not an object', raw('2026-01-01T00:00:00.000Z')],
    ['null', raw(null)],
    ['no id', raw({ createdAt: '2026-01-01T00:00:00.000Z' })],
    ['no time', raw({ id: ID })],
    ['id not a uuid', raw({ createdAt: '2026-01-01T00:00:00.000Z', id: 'nope' })],
    ['a date, not a date-time', raw({ createdAt: '2026-01-01', id: ID })],
    ['a time Date reads but not date-time', raw({ createdAt: 'Jan 1 2026', id: ID })],
    ['a leap second', raw({ createdAt: '2016-12-31T23:59:60Z', id: ID })],
    ['an extra member', raw({ createdAt: '2026-01-01T00:00:00.000Z', id: ID, seq: 1 })],
    ['a seq cursor', raw({ seq: 1 })],
  ]
  for (const [name, cursor] of bad) isMalformed(t, () => decodeCreatedCursor(cursor), name)
})

t.test('a seq cursor holds one sequence number a PostgreSQL integer can hold', async (t) => {
  t.same(decodeSeqCursor(raw({ seq: 1 })), { seq: 1 })
  t.same(decodeSeqCursor(raw({ seq: 2_147_483_647 })), { seq: 2_147_483_647 })
  const bad: [string, string][] = [
    ['zero', raw({ seq: 0 })],
    ['negative', raw({ seq: -1 })],
    ['a fraction', raw({ seq: 1.5 })],
    ['past the integer range', raw({ seq: 2_147_483_648 })],
    ['huge', raw({ seq: 1e300 })],
    ['a string', raw({ seq: '1' })],
    ['an extra member', raw({ seq: 1, id: ID })],
    ['a created cursor', raw({ createdAt: '2026-01-01T00:00:00.000Z', id: ID })],
    ['not JSON', 'bm90IGpzb24'],
  ]
  for (const [name, cursor] of bad) isMalformed(t, () => decodeSeqCursor(cursor), name)
})

t.test('canonicalTime: UTC with milliseconds, or a 400 naming the field', async (t) => {
  t.equal(canonicalTime('2026-03-01T10:00:00Z', 'since'), '2026-03-01T10:00:00.000Z')
  t.equal(canonicalTime('2026-03-01T12:30:00.5+02:30', 'until'), '2026-03-01T10:00:00.500Z')
  for (const field of ['since', 'until']) {
    const error = thrown(() => canonicalTime('2016-12-31T23:59:60Z', field))
    t.match(error, { status: 400, code: 'VALIDATION_FAILED' })
    t.match(error.message, field, 'the detail names the field')
    t.match(error.extra.errors, [{ path: `/querystring/${field}`, message: /\S/ }])
  }
})
