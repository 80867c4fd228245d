// The token writes every backend makes the same way: each reads the token and writes the plan made from it
// (src/auth/plans.ts) in its own transaction; which plan, and with which time, is said here once.
import { planTokenRevoke, planTokenRotate, type TokenPlan } from '../auth/plans.js'
import type { ApiToken } from '../auth/schemas.js'
import type { TokenRepository } from './contract.js'
import { toEpochMsOrNull } from './rows.js'

/** How a backend runs a plan on one token: read it, decide, and write the plan (if any) in one transaction. */
export type PlanOnToken = <Result>(
  id: string,
  plan: (token: ApiToken | undefined) => TokenPlan<Result> | undefined,
) => Promise<Result | undefined>

/** Revoke and rotate over the backend's `planned`; `now` is the time a rotation creates its new token at. */
export const plannedTokenWrites = (
  planned: PlanOnToken,
  now: () => string,
): Pick<TokenRepository, 'revoke' | 'rotate'> => ({
  revoke: (id, at) => planned(id, (token) => planTokenRevoke(token, at)),
  rotate: (id, input) => planned(id, (token) => planTokenRotate(token, input, now())),
})

/** The columns a plan's update of a token writes (`lastUsedAt` belongs to `touch`), as the SQL rows hold them. */
export const tokenUpdateValues = ({ revokedAt, expiresAt }: ApiToken) => ({
  revokedAt: toEpochMsOrNull(revokedAt),
  expiresAt: toEpochMsOrNull(expiresAt),
})
