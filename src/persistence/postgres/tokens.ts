// API tokens. The lookups every request makes (by the secret's hash, `exists`) and `touch` are named prepared
// statements, parsed once per connection. Each write is one statement, atomic on its own, and writes no audit
// entry: tokens are not an audited entity.
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { ApiToken } from '../../auth/schemas.js'
import type { Clock } from '../../domains/audit/entries.js'
import type { TokenRepository } from '../contract.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { createdOrder } from './keyset.js'
import { apiTokenFromRow, apiTokenToRow, toEpochMs, toIso } from './rows.js'
import { apiTokens } from './tables.js'

/** Every column but the secret's hash, which no read hands back. */
const { secretHash: _, ...tokenColumns } = getTableColumns(apiTokens)

/** `clock`: the time a token is created at. */
export function createTokenRepository(db: PostgresDatabase, clock: Clock): TokenRepository {
  const bySecretHash = db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.secretHash, sql.placeholder('secretHash')))
    .prepare('trail_token_by_secret_hash')
  const anyToken = db.select({ one: sql`1` }).from(apiTokens).limit(1).prepare('trail_token_exists')
  const touchToken = db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
    .where(eq(apiTokens.id, sql.placeholder('id')))
    .prepare('trail_token_touch')

  return {
    create: ({ actor, role, secretHash, expiresAt }) =>
      withRetries(async () => {
        const token: ApiToken = {
          id: uuidv7(),
          actor,
          role,
          createdAt: toIso(clock()),
          lastUsedAt: null,
          expiresAt,
          revokedAt: null,
        }
        await db.insert(apiTokens).values(apiTokenToRow({ ...token, secretHash }))
        return token
      }),
    findBySecretHash: (secretHash) =>
      withRetries(async () => {
        const [row] = await bySecretHash.execute({ secretHash })
        return row && apiTokenFromRow(row)
      }),
    list: () =>
      withRetries(async () => {
        const rows = await db
          .select(tokenColumns)
          .from(apiTokens)
          .orderBy(...createdOrder(apiTokens, 'asc'))
        return rows.map(apiTokenFromRow)
      }),
    revoke: (id, at) =>
      withRetries(async () => {
        // coalesce keeps the first revocation time; RETURNING reads the token back in the same statement.
        const [row] = await db
          .update(apiTokens)
          .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${toEpochMs(at)})` })
          .where(eq(apiTokens.id, id))
          .returning(tokenColumns)
        return row && apiTokenFromRow(row)
      }),
    rotate: (id, { secretHash, expiresAt, retireAt }) =>
      withRetries(() =>
        db.transaction(async (tx) => {
          const retire = toEpochMs(retireAt)
          // The sooner of the token's own expiry and the rotation's; a revoked token is not rotated.
          const [row] = await tx
            .update(apiTokens)
            .set({ expiresAt: sql`least(coalesce(${apiTokens.expiresAt}, ${retire}), ${retire})` })
            .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
            .returning(tokenColumns)
          if (row === undefined) return undefined
          const retired = apiTokenFromRow(row)
          const token: ApiToken = {
            id: uuidv7(),
            actor: retired.actor,
            role: retired.role,
            createdAt: toIso(clock()),
            lastUsedAt: null,
            expiresAt,
            revokedAt: null,
          }
          await tx.insert(apiTokens).values(apiTokenToRow({ ...token, secretHash }))
          return { retired, token }
        }),
      ),
    touch: (id, at) =>
      withRetries(async () => {
        await touchToken.execute({ id, at: toEpochMs(at) })
      }),
    exists: () =>
      withRetries(async () => {
        const rows = await anyToken.execute()
        return rows.length > 0
      }),
  }
}
