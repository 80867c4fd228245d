import { type Static, Type } from '@sinclair/typebox'
import { Actor, Id, StringEnum, Timestamp } from '../http/schemas.js'
import { ROLES } from '../persistence/contract.js'

const NullableTime = Type.Union([Timestamp, Type.Null()])

/** An API token as a dump carries it (with --include-tokens): the secret's hash, never the secret. */
export const StoredToken = Type.Object(
  {
    id: Id,
    actor: Actor,
    role: StringEnum(ROLES),
    secretHash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the secret, hex' }),
    createdAt: Timestamp,
    lastUsedAt: NullableTime,
    expiresAt: NullableTime,
    revokedAt: NullableTime,
  },
  { additionalProperties: false },
)
export type StoredToken = Static<typeof StoredToken>
