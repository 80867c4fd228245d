// Every write to API tokens, decided from the token its backend read: the rules (the first revocation time
// stays; rotation retires a live token by bringing its expiry forward) are spelled here once, and each
// backend only reads the token and writes the plan's rows. Tokens are not an audited entity: no entries.
import { uuidv7 } from 'uuidv7'
import type { ApiToken, Role, StoredToken } from './schemas.js'

/**
 * One token row written by a plan. An update changes only `revokedAt` and `expiresAt`: `lastUsedAt` belongs
 * to `touch`, which does not wait for a write and must not be overwritten by one.
 */
export type TokenRowChange =
  | { op: 'insert'; row: StoredToken }
  | { op: 'update'; before: ApiToken; row: ApiToken }

/** The token rows a write makes, in order, and what the caller gets back. */
export interface TokenPlan<Result> {
  changes: TokenRowChange[]
  result: Result
}

export interface NewTokenInput {
  actor: string
  role: Role
  secretHash: string
  expiresAt: string | null
}

export interface RotationInput {
  secretHash: string
  expiresAt: string | null
  /** When the old token stops working, unless it expires sooner. */
  retireAt: string
}

const withoutSecret = ({ secretHash: _, ...token }: StoredToken): ApiToken => token

/** A new, unused, unrevoked token created at `now`. */
export function planTokenCreate(
  input: NewTokenInput,
  now: string,
  id: string = uuidv7(),
): TokenPlan<ApiToken> {
  const row: StoredToken = {
    id,
    actor: input.actor,
    role: input.role,
    secretHash: input.secretHash,
    createdAt: now,
    lastUsedAt: null,
    expiresAt: input.expiresAt,
    revokedAt: null,
  }
  return { changes: [{ op: 'insert', row }], result: withoutSecret(row) }
}

/** The token revoked at `at`; one already revoked keeps its first time and writes nothing. Unknown: undefined. */
export function planTokenRevoke(token: ApiToken | undefined, at: string): TokenPlan<ApiToken> | undefined {
  if (token === undefined) return undefined
  if (token.revokedAt !== null) return { changes: [], result: token }
  const revoked: ApiToken = { ...token, revokedAt: at }
  return { changes: [{ op: 'update', before: token, row: revoked }], result: revoked }
}

/**
 * A new token for the old one's actor and role, and the old one's expiry brought forward to `retireAt`
 * (kept when it is already sooner). Undefined, writing nothing, for an unknown or revoked token.
 */
export function planTokenRotate(
  token: ApiToken | undefined,
  { secretHash, expiresAt, retireAt }: RotationInput,
  now: string,
  id: string = uuidv7(),
): TokenPlan<{ retired: ApiToken; token: ApiToken }> | undefined {
  if (token === undefined || token.revokedAt !== null) return undefined
  const created = planTokenCreate({ actor: token.actor, role: token.role, secretHash, expiresAt }, now, id)
  const keepsExpiry = token.expiresAt !== null && token.expiresAt <= retireAt
  const retired: ApiToken = keepsExpiry ? token : { ...token, expiresAt: retireAt }
  const retirement: TokenRowChange[] = keepsExpiry ? [] : [{ op: 'update', before: token, row: retired }]
  return { changes: [...retirement, ...created.changes], result: { retired, token: created.result } }
}
