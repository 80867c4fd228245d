// The repository contract, API tokens: stored by hash, found, listed, touched and revoked, never audited.
import t from 'tap'
import type { TestBackend } from '../backends/types.js'
import { UNKNOWN_ID } from '../fixtures.js'

export function tokensContract(backend: TestBackend) {
  t.test(`${backend.name}: API tokens`, async (t) => {
    const repos = await backend.open(t)
    t.equal(await repos.tokens.exists(), false, 'no token at first')
    const admin = await repos.tokens.create({
      actor: 'ada',
      role: 'admin',
      secretHash: 'a'.repeat(64),
      expiresAt: null,
    })
    t.match(admin, { actor: 'ada', role: 'admin', lastUsedAt: null, expiresAt: null, revokedAt: null })
    t.notOk('secretHash' in admin, 'the hash is not handed back')
    const viewer = await repos.tokens.create({
      actor: 'vic',
      role: 'viewer',
      secretHash: 'b'.repeat(64),
      expiresAt: '2999-01-01T00:00:00.000Z',
    })
    t.equal(await repos.tokens.exists(), true)
    t.same(await repos.tokens.findBySecretHash('b'.repeat(64)), viewer)
    t.equal(await repos.tokens.findBySecretHash('c'.repeat(64)), undefined)
    t.same(
      (await repos.tokens.list()).map((token) => token.actor),
      ['ada', 'vic'],
    )
    await repos.tokens.touch(viewer.id, '2026-11-26T12:00:00.000Z')
    t.equal((await repos.tokens.findBySecretHash('b'.repeat(64)))?.lastUsedAt, '2026-11-26T12:00:00.000Z')
    const revoked = await repos.tokens.revoke(admin.id, '2026-11-26T12:00:01.000Z')
    t.equal(revoked?.revokedAt, '2026-11-26T12:00:01.000Z')
    t.equal(
      (await repos.tokens.revoke(admin.id, '2026-11-27T00:00:00.000Z'))?.revokedAt,
      '2026-11-26T12:00:01.000Z',
    )
    t.equal(await repos.tokens.revoke(UNKNOWN_ID, '2026-11-26T12:00:00.000Z'), undefined)
    t.equal(await repos.tokens.exists(), true, 'a revoked token still means tokens are in use')
    t.equal(
      (await repos.audit.list({ filter: {}, limit: 10 })).items.length,
      0,
      'tokens are not audited entities',
    )
  })
}
