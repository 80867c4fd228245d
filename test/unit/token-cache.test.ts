// Remembered token lookups: a token found is read again once TOKEN_RECHECK_MS has passed (or the clock went
// back), an unknown secret is read every time, and a token gone from the store is forgotten.
import t from 'tap'
import { planTokenCreate } from '../../src/auth/plans.js'
import type { ApiToken } from '../../src/auth/schemas.js'
import { rememberedTokens, TOKEN_RECHECK_MS } from '../../src/auth/token-cache.js'

const HASH = 'a'.repeat(64)
const token: ApiToken = planTokenCreate(
  { actor: 'ada', role: 'viewer', secretHash: HASH, expiresAt: null },
  '2030-01-01T00:00:00.000Z',
).result

t.test('a token found is trusted for TOKEN_RECHECK_MS, then read again', async (t) => {
  let now = 0
  const stored = new Map([[HASH, token]])
  const reads: string[] = []
  const find = rememberedTokens(
    async (hash) => {
      reads.push(hash)
      return stored.get(hash)
    },
    () => now,
  )
  t.equal(await find(HASH), token)
  now += TOKEN_RECHECK_MS - 1
  t.equal(await find(HASH), token)
  t.equal(reads.length, 1, 'one read within the bound')
  const revoked = { ...token, revokedAt: '2030-01-01T00:00:00.500Z' }
  stored.set(HASH, revoked)
  now += 1
  t.same(await find(HASH), revoked, 'the change is seen at the bound')
  t.equal(reads.length, 2)
  now -= 10
  t.same(await find(HASH), revoked)
  t.equal(reads.length, 3, 'a clock that went back reads again')
  stored.delete(HASH)
  now += TOKEN_RECHECK_MS
  t.equal(await find(HASH), undefined)
  t.equal(await find(HASH), undefined)
  t.equal(reads.length, 5, 'a token no longer stored is forgotten')
})

t.test('an unknown secret is read every time', async (t) => {
  let reads = 0
  const find = rememberedTokens(
    async () => {
      reads++
      return undefined
    },
    () => 0,
  )
  await find(HASH)
  await find(HASH)
  t.equal(reads, 2)
})
