// The API token plans: the first revocation time stays; rotation retires only a live token, brings its
// expiry forward only when that is later, and gives the new token the old one's actor and role.
import t from 'tap'
import { planTokenCreate, planTokenRevoke, planTokenRotate } from '../../src/auth/plans.js'
import type { ApiToken } from '../../src/auth/schemas.js'

const T0 = '2030-01-01T00:00:00.000Z'
const T1 = '2030-01-01T00:00:01.000Z'
const T2 = '2030-01-01T00:00:02.000Z'
const T3 = '2030-01-01T00:00:03.000Z'
const HASH = 'a'.repeat(64)
const NEW_HASH = 'b'.repeat(64)
const NEW_ID = '0190b1d4-0000-7000-8000-000000000001'

const token = (changes: Partial<ApiToken> = {}): ApiToken => ({
  ...planTokenCreate({ actor: 'ada', role: 'maintainer', secretHash: HASH, expiresAt: null }, T0).result,
  ...changes,
})

t.test('create: a new, unused, unrevoked token under its secret hash', async (t) => {
  const plan = planTokenCreate({ actor: 'ada', role: 'viewer', secretHash: HASH, expiresAt: T3 }, T0, NEW_ID)
  const result = {
    id: NEW_ID,
    actor: 'ada',
    role: 'viewer',
    createdAt: T0,
    lastUsedAt: null,
    expiresAt: T3,
    revokedAt: null,
  }
  t.same(plan, { changes: [{ op: 'insert', row: { ...result, secretHash: HASH } }], result })
  t.notOk('secretHash' in plan.result, 'the result never carries the secret hash')
  t.not(
    planTokenCreate({ actor: 'ada', role: 'viewer', secretHash: HASH, expiresAt: null }, T0).result.id,
    NEW_ID,
  )
})

t.test('revoke: unknown is undefined; a second revoke keeps the first time and writes nothing', async (t) => {
  t.equal(planTokenRevoke(undefined, T1), undefined)
  const live = token()
  const first = planTokenRevoke(live, T1)
  const revoked = { ...live, revokedAt: T1 }
  t.same(first, { changes: [{ op: 'update', before: live, row: revoked }], result: revoked })
  t.same(planTokenRevoke(revoked, T2), { changes: [], result: revoked })
})

t.test('rotate: unknown or revoked tokens give undefined', async (t) => {
  const input = { secretHash: NEW_HASH, expiresAt: null, retireAt: T2 }
  t.equal(planTokenRotate(undefined, input, T1), undefined)
  t.equal(planTokenRotate(token({ revokedAt: T0 }), input, T1), undefined)
})

t.test("rotate: the new token takes the old one's actor and role, created now", async (t) => {
  const old = token({ actor: 'bob', role: 'admin', lastUsedAt: T0 })
  const plan = planTokenRotate(old, { secretHash: NEW_HASH, expiresAt: T3, retireAt: T2 }, T1, NEW_ID)
  const created = {
    id: NEW_ID,
    actor: 'bob',
    role: 'admin',
    createdAt: T1,
    lastUsedAt: null,
    expiresAt: T3,
    revokedAt: null,
  }
  t.same(plan?.result.token, created)
  t.same(plan?.changes.at(-1), { op: 'insert', row: { ...created, secretHash: NEW_HASH } })
})

t.test('rotate: the old expiry is brought forward to retireAt only when it is later', async (t) => {
  const input = { secretHash: NEW_HASH, expiresAt: null, retireAt: T2 }
  for (const expiresAt of [null, T3]) {
    const old = token({ expiresAt })
    const plan = planTokenRotate(old, input, T1, NEW_ID)
    const retired = { ...old, expiresAt: T2 }
    t.same(plan?.result.retired, retired, `expiry ${expiresAt} becomes retireAt`)
    t.same(
      plan?.changes[0],
      { op: 'update', before: old, row: retired },
      'retired before the new one is written',
    )
    t.equal(plan?.changes.length, 2)
  }
  for (const expiresAt of [T1, T2]) {
    const old = token({ expiresAt })
    const plan = planTokenRotate(old, input, T1, NEW_ID)
    t.same(plan?.result.retired, old, `expiry ${expiresAt} is kept`)
    t.same(
      plan?.changes.map((change) => change.op),
      ['insert'],
      'only the new token is written',
    )
  }
})
