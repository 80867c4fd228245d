// The auth model, derived once from TypeBox: the roles, an API token as the repositories hand it over, and a
// token as a dump carries it. Depends only on the core value schemas.
import { type Static, Type } from '@sinclair/typebox'
import { Actor, Id, StringEnum, Timestamp } from '../core/schemas.js'

/** Ordered: each role may do what the one before it may (src/auth/roles.ts). */
export const ROLES = ['viewer', 'contributor', 'maintainer', 'admin'] as const
export const Role = StringEnum(ROLES)
export type Role = Static<typeof Role>

const NullableTime = Type.Union([Timestamp, Type.Null()])

const identity = { id: Id, actor: Actor, role: Role }
const times = {
  createdAt: Timestamp,
  lastUsedAt: NullableTime,
  expiresAt: NullableTime,
  revokedAt: NullableTime,
}

/** An API token as stored: never its secret, only the secret's SHA-256 (which this shape leaves out). */
export const ApiToken = Type.Object({ ...identity, ...times }, { additionalProperties: false })
export type ApiToken = Static<typeof ApiToken>

/** An API token as a dump carries it (with --include-tokens): the secret's hash, never the secret. */
export const StoredToken = Type.Object(
  {
    ...identity,
    secretHash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the secret, hex' }),
    ...times,
  },
  { additionalProperties: false },
)
export type StoredToken = Static<typeof StoredToken>
