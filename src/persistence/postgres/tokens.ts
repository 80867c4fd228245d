// API tokens. The lookups every request makes (by the secret's hash, `exists`) and `touch` are named prepared
// statements, parsed once per connection. Revoke and rotate read their token `FOR UPDATE` and write the plan
// made from it (src/auth/plans.ts) in one transaction, so two rotations of one token cannot both succeed.
// No write makes an audit entry: tokens are not an audited entity.
import { eq, getTableColumns, sql } from 'drizzle-orm'
import { planTokenCreate, type TokenRowChange } from '../../auth/plans.js'
import type { Clock } from '../../domains/audit/entries.js'
import type { TokenRepository } from '../contract.js'
import { type PlanOnToken, plannedTokenWrites, tokenUpdateValues } from '../token-writes.js'
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

  const applyChanges = async (tx: PostgresDatabase, changes: TokenRowChange[]) => {
    for (const change of changes) {
      if (change.op === 'insert') await tx.insert(apiTokens).values(apiTokenToRow(change.row))
      else {
        await tx.update(apiTokens).set(tokenUpdateValues(change.row)).where(eq(apiTokens.id, change.row.id))
      }
    }
  }
  /** Reads the token locked against other writes, and writes the plan made from it, in one transaction. */
  const planned: PlanOnToken = (id, plan) =>
    withRetries(() =>
      db.transaction(async (tx) => {
        const [row] = await tx.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id)).for('update')
        const decided = plan(row && apiTokenFromRow(row))
        if (decided === undefined) return undefined
        await applyChanges(tx, decided.changes)
        return decided.result
      }),
    )

  return {
    create: (input) =>
      withRetries(async () => {
        const { changes, result } = planTokenCreate(input, toIso(clock()))
        await applyChanges(db, changes)
        return result
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
    ...plannedTokenWrites(planned, () => toIso(clock())),
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
