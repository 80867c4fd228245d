// API tokens. Every statement is prepared once: looking a token up by its secret's hash (and `exists`) runs
// on every request. Each write reads its token and writes the plan made from it (src/auth/plans.ts) in the
// store's immediate transaction like every other write, and writes no audit entry: tokens are not audited.
import { eq, getTableColumns, sql } from 'drizzle-orm'
import { planTokenCreate, type TokenRowChange } from '../../auth/plans.js'
import type { TokenRepository } from '../contract.js'
import { type PlanOnToken, plannedTokenWrites, tokenUpdateValues } from '../token-writes.js'
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
  const selectById = db.select(tokenColumns).from(apiTokens).where(byId(apiTokens)).prepare()
  // Only the fields a plan changes: `lastUsedAt` is left to `touch`.
  const updateToken = db
    .update(apiTokens)
    .set({ revokedAt: sql`${sql.placeholder('revokedAt')}`, expiresAt: sql`${sql.placeholder('expiresAt')}` })
    .where(byId(apiTokens))
    .prepare()
  const touchToken = db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('at')}` })
    .where(byId(apiTokens))
    .prepare()
  const anyToken = db.select({ one: sql`1` }).from(apiTokens).limit(1).prepare()

  const applyChanges = (changes: TokenRowChange[]) => {
    for (const change of changes) {
      if (change.op === 'insert') insertToken.run(apiTokenToRow(change.row))
      else updateToken.run({ id: change.row.id, ...tokenUpdateValues(change.row) })
    }
  }
  /** Reads the token and writes the plan made from it, in one immediate transaction (no await inside). */
  const planned: PlanOnToken = (id, plan) =>
    write(() => {
      const row = selectById.get({ id })
      const decided = plan(row && apiTokenFromRow(row))
      if (decided === undefined) return undefined
      applyChanges(decided.changes)
      return decided.result
    })

  return {
    async create(input) {
      const { changes, result } = planTokenCreate(input, now())
      await write(() => applyChanges(changes))
      return result
    },
    async findBySecretHash(secretHash) {
      const row = selectBySecretHash.get({ secretHash })
      return row && apiTokenFromRow(row)
    },
    async list() {
      return selectAll.all().map(apiTokenFromRow)
    },
    ...plannedTokenWrites(planned, now),
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
