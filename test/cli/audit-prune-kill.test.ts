// A prune killed (SIGKILL, no clean-up) at each of its steps loses nothing: every entry is in the database or in
// a complete archive, archives + trail verify as one chain, and the next prune finishes the job.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { openSqliteBackend } from '../../src/persistence/sqlite/index.js'
import { withClock } from '../fixtures.js'

const BIN = fileURLToPath(new URL('../../dist/src/cli/index.js', import.meta.url))
const BASE = Date.parse('2030-01-01T00:00:00.000Z')

function trail(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', PERSISTENCE: 'sqlite', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }
}

const archiveArgs = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .sort()
    .flatMap((name) => ['--archive', join(dir, name)])

// 40 entries, one a minute; the prune takes the oldest 30, 10 per batch.
for (const killAt of ['archive-written', 'recorded', 'batch-deleted:1', 'batch-deleted:2']) {
  t.test(`a prune killed at ${killAt} loses nothing, and the next prune finishes it`, async (t) => {
    const dir = t.testdir()
    const path = join(dir, 'trail.db')
    const { repos } = await openSqliteBackend({ path, synchronous: 'NORMAL' })
    for (let i = 0; i < 40; i++)
      await withClock(t, BASE + i * 60_000, () => repos.statusUpdates.create({ message: `m${i}` }, 'ann'))
    await repos.close()
    const env = { PERSIST_DB_PATH: path }
    const prune = (archive: string, extra: Record<string, string> = {}) =>
      trail(
        [
          'audit',
          'prune',
          '--before',
          new Date(BASE + 30 * 60_000).toISOString(),
          '--archive',
          join(dir, archive),
          '--batch-size',
          '10',
        ],
        { ...env, ...extra },
      )

    t.equal(prune('1-killed.ndjson', { TRAIL_TEST_PRUNE_KILL_AT: killAt }).signal, 'SIGKILL', 'killed there')
    const afterKill = trail(['audit', 'verify', ...archiveArgs(dir)], env)
    t.equal(afterKill.code, 0, afterKill.stderr)
    t.match(afterKill.stdout, /^verified 4[01] entries/, 'every entry is in the trail or a complete archive')

    const resumed = prune('2-resumed.ndjson')
    t.equal(resumed.code, 0, resumed.stderr)
    const verified = trail(['audit', 'verify', ...archiveArgs(dir)], env)
    t.equal(verified.code, 0, verified.stderr)
    t.match(verified.stdout, /^verified 4[12] entries/)
    const live = trail(['audit', 'verify'], env)
    t.equal(live.code, 0, live.stderr)
    t.match(live.stdout, /^verified 1[12] entries/, 'only the newer entries and the prune entries remain')
  })
}
