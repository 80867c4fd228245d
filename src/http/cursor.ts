// Opaque list cursors: base64url JSON of the keyset position of the page's last row. Clients must not
// build them; a cursor that does not decode to a position of the right shape is a 400.
import { type TSchema, Type } from '@sinclair/typebox'
import { validationFailed } from '../core/errors.js'
import { type CreatedKey, MAX_SEARCH_OFFSET, type OffsetKey, type SeqKey } from '../core/paging.js'
import { compileStrict } from '../core/validation.js'

/** Compiled by the first cursor it checks, not at start-up (Ajv's first compile costs tens of ms). */
function checker<K>(schema: TSchema): (value: unknown) => value is K {
  let check: ((value: unknown) => value is K) | undefined
  return (value): value is K => {
    check ??= compileStrict<K>(schema)
    return check(value)
  }
}

const checkCreatedKey = checker<CreatedKey>(
  Type.Object(
    { createdAt: Type.String({ format: 'date-time' }), id: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
)
// Sequence numbers are a PostgreSQL integer: a larger one (9223372036854775807, 1e300) names no entry and
// would fail in the database rather than as a 400.
const MAX_SEQ = 2_147_483_647
const checkSeqKey = checker<SeqKey>(
  Type.Object({ seq: Type.Integer({ minimum: 1, maximum: MAX_SEQ }) }, { additionalProperties: false }),
)

const checkOffsetKey = checker<OffsetKey>(
  Type.Object(
    { offset: Type.Integer({ minimum: 1, maximum: MAX_SEARCH_OFFSET }) },
    { additionalProperties: false },
  ),
)

export const encodeCursor = (key: CreatedKey | SeqKey | OffsetKey | null) =>
  key === null ? null : Buffer.from(JSON.stringify(key)).toString('base64url')

const malformedCursor = () =>
  validationFailed('The cursor is malformed; pass nextCursor from a previous page unchanged', [
    { path: '/querystring/cursor', message: 'is malformed' },
  ])

function decode<K>(cursor: string | undefined, check: (value: unknown) => value is K): K | undefined {
  if (cursor === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!check(value)) throw malformedCursor()
  return value
}

export function decodeCreatedCursor(cursor: string | undefined): CreatedKey | undefined {
  const key = decode(cursor, checkCreatedKey)
  if (key === undefined) return undefined
  const createdAt = toCanonical(key.createdAt)
  if (createdAt === undefined) throw malformedCursor()
  return { createdAt, id: key.id }
}
export const decodeSeqCursor = (cursor: string | undefined) => decode(cursor, checkSeqKey)
export const decodeOffsetCursor = (cursor: string | undefined) => decode(cursor, checkOffsetKey)

function toCanonical(time: string): string | undefined {
  const date = new Date(time)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/**
 * ISO 8601 in UTC with milliseconds, so times compare correctly as text and as numbers. The date-time
 * format admits times no Date can hold (a leap second, 23:59:60): those are a 400 naming `field`.
 */
export function canonicalTime(time: string, field: string): string {
  const canonical = toCanonical(time)
  if (canonical === undefined) {
    throw validationFailed(`${field} is not a time trail can store (leap seconds are not)`, [
      { path: `/querystring/${field}`, message: 'must be a valid date-time' },
    ])
  }
  return canonical
}
