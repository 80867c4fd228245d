// API tokens in a map, each kept with its secret's hash. Tokens are not an audited entity: no plan, no entry.
import { uuidv7 } from 'uuidv7'
import type { ApiToken } from '../../auth/schemas.js'
import type { TokenRepository } from '../contract.js'
import type { StoredApiToken } from '../rows.js'

export type MemoryTokens = Map<string, StoredApiToken>

/** `now`: the time a token is created at. */
export function createMemoryTokens(tokens: MemoryTokens, now: () => string): TokenRepository {
  return {
    async create(input) {
      const token: ApiToken = {
        id: uuidv7(),
        actor: input.actor,
        role: input.role,
        createdAt: now(),
        lastUsedAt: null,
        expiresAt: input.expiresAt,
        revokedAt: null,
      }
      tokens.set(token.id, { ...token, secretHash: input.secretHash })
      return token
    },
    async findBySecretHash(secretHash) {
      for (const { secretHash: hash, ...token } of tokens.values()) if (hash === secretHash) return token
      return undefined
    },
    async list() {
      return [...tokens.values()].map(({ secretHash: _, ...token }) => token)
    },
    async revoke(id, at) {
      const stored = tokens.get(id)
      if (stored === undefined) return undefined
      stored.revokedAt ??= at
      const { secretHash: _, ...token } = stored
      return token
    },
    async rotate(id, { secretHash, expiresAt, retireAt }) {
      const stored = tokens.get(id)
      if (stored === undefined || stored.revokedAt !== null) return undefined
      const token: ApiToken = {
        id: uuidv7(),
        actor: stored.actor,
        role: stored.role,
        createdAt: now(),
        lastUsedAt: null,
        expiresAt,
        revokedAt: null,
      }
      if (stored.expiresAt === null || stored.expiresAt > retireAt) stored.expiresAt = retireAt
      tokens.set(token.id, { ...token, secretHash })
      const { secretHash: _, ...retired } = stored
      return { retired, token }
    },
    async touch(id, at) {
      const stored = tokens.get(id)
      if (stored) stored.lastUsedAt = at
    },
    async exists() {
      return tokens.size > 0
    },
  }
}
