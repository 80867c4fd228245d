// `trail tokens rotate` as an operator runs it, on SQLite (test/postgres/tokens-rotate.test.ts: PostgreSQL):
// the new secret works at once, the old one until the grace period ends, `--grace 0` refuses it at once, and
// a dump keeps the rotation. Also: `tokens create --actor` refuses control characters and lone surrogates.
import { join } from 'node:path'
import t from 'tap'
import { ensureBuilt } from '../server.js'
import { rotation, trail, trailHere } from './rotation.js'

ensureBuilt()

t.test('sqlite: tokens rotate', async (t) => {
  const dir = t.testdir()
  let n = 0
  await rotation(t, dir, { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'app.db') }, async () => ({
    PERSISTENCE: 'sqlite',
    PERSIST_DB_PATH: join(dir, `copy-${++n}.db`),
  }))
})

t.test(
  'tokens create --actor refuses control characters and lone surrogates with one clear line',
  async (t) => {
    const env = { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(t.testdir(), 'app.db') }
    for (const actor of ['a\x07b', 'a\u0085b', 'line\nbreak', '\x1b[31mred', 'a\ud800b']) {
      const run = await trailHere(['tokens', 'create', '--actor', actor, '--role', 'viewer'], env)
      t.equal(run.code, 2, JSON.stringify(actor))
      t.match(
        run.stderr.split('\n')[0],
        /^trail tokens: tokens create needs --actor NAME \(.*no control characters\)$/,
      )
    }
    t.equal((await trailHere(['tokens', 'list'], env)).stdout, '', 'none was created')
    const ok = trail(['tokens', 'create', '--actor', 'Zoë 😀', '--role', 'viewer'], env)
    t.equal(ok.code, 0, ok.stderr)
    t.match(ok.stderr, 'for Zoë 😀 (viewer)')
  },
)
