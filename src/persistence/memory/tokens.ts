// API tokens in a map, each kept with its secret's hash. The rules of each write are the plans in
// src/auth/plans.ts; this file reads the token and writes the plan's rows. Tokens are not audited.
import { planTokenCreate, type TokenPlan } from '../../auth/plans.js'
import type { ApiToken } from '../../auth/schemas.js'
import type { TokenRepository } from '../contract.js'
import type { StoredApiToken } from '../rows.js'
import { type PlanOnToken, plannedTokenWrites } from '../token-writes.js'

export type MemoryTokens = Map<string, StoredApiToken>

const withoutSecret = ({ secretHash: _, ...token }: StoredApiToken): ApiToken => token

/** `now`: the time a token is created at. */
export function createMemoryTokens(tokens: MemoryTokens, now: () => string): TokenRepository {
  const read = (id: string) => {
    const stored = tokens.get(id)
    return stored && withoutSecret(stored)
  }
  const apply = <Result>(plan: TokenPlan<Result>): Result => {
    for (const change of plan.changes) {
      if (change.op === 'insert') tokens.set(change.row.id, { ...change.row })
      else {
        const stored = tokens.get(change.row.id)
        if (stored)
          Object.assign(stored, { revokedAt: change.row.revokedAt, expiresAt: change.row.expiresAt })
      }
    }
    return plan.result
  }
  const planned: PlanOnToken = async (id, plan) => {
    const decided = plan(read(id))
    return decided && apply(decided)
  }

  return {
    async create(input) {
      return apply(planTokenCreate(input, now()))
    },
    async findBySecretHash(secretHash) {
      for (const { secretHash: hash, ...token } of tokens.values()) if (hash === secretHash) return token
      return undefined
    },
    async list() {
      return [...tokens.values()].map(withoutSecret)
    },
    ...plannedTokenWrites(planned, now),
    async touch(id, at) {
      const stored = tokens.get(id)
      if (stored) stored.lastUsedAt = at
    },
    async exists() {
      return tokens.size > 0
    },
  }
}
