// Opaque list cursors: base64url JSON of the keyset position of the page's last row. Clients must not
// build them; a cursor that does not decode to a position of the right shape is a 400.
import { type TSchema, Type } from '@sinclair/typebox'
import { validationFailed } from '../errors.js'
import type { CreatedKey, SeqKey } from '../persistence/contract.js'
import { compileStrict } from './validation.js'

const checkCreatedKey = compileStrict<CreatedKey>(
  Type.Object(
    { createdAt: Type.String({ format: 'date-time' }), id: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ) satisfies TSchema,
)
const checkSeqKey = compileStrict<SeqKey>(
  Type.Object({ seq: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
)

export const encodeCursor = (key: CreatedKey | SeqKey | null) =>
  key === null ? null : Buffer.from(JSON.stringify(key)).toString('base64url')

function decode<K>(cursor: string | undefined, check: (value: unknown) => value is K): K | undefined {
  if (cursor === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!check(value)) {
    throw validationFailed('The cursor is malformed; pass nextCursor from a previous page unchanged', [
      { path: '/querystring/cursor', message: 'is malformed' },
    ])
  }
  return value
}

export function decodeCreatedCursor(cursor: string | undefined): CreatedKey | undefined {
  const key = decode(cursor, checkCreatedKey)
  return key && { createdAt: canonicalTime(key.createdAt), id: key.id }
}
export const decodeSeqCursor = (cursor: string | undefined) => decode(cursor, checkSeqKey)

/** ISO 8601 in UTC with milliseconds, so times compare correctly as text and as numbers. */
export const canonicalTime = (time: string) => new Date(time).toISOString()
