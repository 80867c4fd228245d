// Token lookups a server remembers for a moment, so a request with a token does not read the database each
// time (on PostgreSQL a round trip per request). Revoking or rotating changes the row in the database,
// possibly from another process (the CLI) or instance, so a remembered row is only trusted for
// TOKEN_RECHECK_MS: that is the longest a revoke or a rotation's shortened grace takes to reach a running
// server. Expiry itself is judged on every request against the remembered `expiresAt`, so it is exact.
import type { Clock } from '../domains/audit/entries.js'
import type { ApiToken } from './schemas.js'

/** How long a token row read from the database (or the open-mode answer) is trusted before it is read again. */
export const TOKEN_RECHECK_MS = 1000

/**
 * `find`, remembered per secret hash for `maxAgeMs` of `clock`. Only tokens found are remembered: an
 * unknown secret is read every time (made-up secrets cannot fill the memory, and a token created
 * meanwhile works at once). Rows are at most one per token there is.
 */
export function rememberedTokens(
  find: (secretHash: string) => Promise<ApiToken | undefined>,
  clock: Clock,
  maxAgeMs = TOKEN_RECHECK_MS,
): (secretHash: string) => Promise<ApiToken | undefined> {
  const found = new Map<string, { token: ApiToken; readAt: number }>()
  return async (secretHash) => {
    const now = clock()
    const remembered = found.get(secretHash)
    // A clock stepped back also reads again, rather than trusting a row from the future.
    if (remembered !== undefined && now - remembered.readAt < maxAgeMs && now >= remembered.readAt)
      return remembered.token
    const token = await find(secretHash)
    if (token === undefined) found.delete(secretHash)
    else found.set(secretHash, { token, readAt: now })
    return token
  }
}
