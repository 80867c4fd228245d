// API tokens. Every statement is prepared once: looking a token up by its secret's hash (and `exists`) runs
// on every request. Writes run in the store's immediate transaction like every other write, and write no
// audit entry: tokens are not an audited entity.
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { ApiToken } from '../../auth/schemas.js'
import type { TokenRepository } from '../contract.js'
import { isRetryable } from './errors.js'
import { apiTokenFromRow, apiTokenToRow, toEpochMs } from './rows.js'
import { byId, createdOrder, insertValues, type Store } from './store.js'
import { apiTokens } from './tables.js'

/** Every column but the secret's hash, which no read hands back. */
const { secretHash: _, ...tokenColumns } = getTableColumns(apiTokens)

/** `now`: the time a token is created at. */
export function createTokenRepository({ db, write, writeNow }: Store, now: () => string): TokenRepository {
  const insertToken = db.insert(apiTokens).values(insertValues(apiTokens)).prepare()
  const selectBySecretHash = db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.secretHash, sql.placeholder('secretHash')))
    .prepare()
  const selectAll = db
    .select(tokenColumns)
    .from(apiTokens)
    .orderBy(...createdOrder(apiTokens, 'asc'))
    .prepare()
  // coalesce keeps the first revocation time; RETURNING reads the token back in the same statement.
  const revokeToken = db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${sql.placeholder('at')})` })
    .where(byId(apiTokens))
    .returning(tokenColumns)
    .prepare()
  // The sooner of the token's own expiry and the rotation's; a revoked token is not rotated.
  const retireToken = db
    .update(apiTokens)
    .set({
      expiresAt: sql`case when ${apiTokens.expiresAt} < ${sql.placeholder('retireAt')} then ${apiTokens.expiresAt} else ${sql.placeholder('retireAt')} end`,
    })
    .where(and(byId(apiTokens), isNull(apiTokens.revokedAt)))
    .returning(tokenColumns)
    .prepare()
  const touchToken = db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
    .where(byId(apiTokens))
    .prepare()
  const anyToken = db.select({ one: sql`1` }).from(apiTokens).limit(1).prepare()

  return {
    async create({ actor, role, secretHash, expiresAt }) {
      const token: ApiToken = {
        id: uuidv7(),
        actor,
        role,
        createdAt: now(),
        lastUsedAt: null,
        expiresAt,
        revokedAt: null,
      }
      await write(() => insertToken.run(apiTokenToRow({ ...token, secretHash })))
      return token
    },
    async findBySecretHash(secretHash) {
      const row = selectBySecretHash.get({ secretHash })
      return row && apiTokenFromRow(row)
    },
    async list() {
      return selectAll.all().map(apiTokenFromRow)
    },
    async revoke(id, at) {
      // Inside a transaction like every write: an UPDATE … RETURNING read with .get() in autocommit can
      // leave its statement open and keep the WAL from being checkpointed.
      const row = await write(() => revokeToken.get({ id, at: toEpochMs(at) }))
      return row && apiTokenFromRow(row)
    },
    async rotate(id, { secretHash, expiresAt, retireAt }) {
      return write(() => {
        const row = retireToken.get({ id, retireAt: toEpochMs(retireAt) })
        if (row === undefined) return undefined
        const retired = apiTokenFromRow(row)
        const token: ApiToken = {
          id: uuidv7(),
          actor: retired.actor,
          role: retired.role,
          createdAt: now(),
          lastUsedAt: null,
          expiresAt,
          revokedAt: null,
        }
        insertToken.run(apiTokenToRow({ ...token, secretHash }))
        return { retired, token }
      })
    },
    async touch(id, at) {
      // `lastUsedAt` is a hint, refreshed at most once a minute: a request does not wait for another
      // process's write lock (its GET would be held up by a write) just to record it.
      try {
        writeNow(() => touchToken.run({ id, at: toEpochMs(at) }))
      } catch (error) {
        if (!isRetryable(error)) throw error
      }
    },
    async exists() {
      return anyToken.get() !== undefined
    },
  }
}
