// `trail audit verify` and `trail audit prune` as an operator runs them: the built bin on a SQLite file. A prune
// killed (SIGKILL, no clean-up) at each of its steps loses nothing: the entries are in the database or in a
// complete archive, archives + trail verify as one chain, and the next prune finishes the job.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { openSqliteBackend } from '../../src/persistence/sqlite/index.js'
import { holdRetentionLock, withClock } from '../fixtures.js'

const BIN = fileURLToPath(new URL('../../dist/src/cli/index.js', import.meta.url))
const BASE = Date.parse('2030-01-01T00:00:00.000Z')
const ENTRIES = 40

function trail(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', PERSISTENCE: 'sqlite', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr }
}

/** A file with ENTRIES audit entries, one a minute from BASE. */
async function seeded(t: Test) {
  const dir = t.testdir()
  const path = join(dir, 'trail.db')
  const { repos, sqlite } = await openSqliteBackend({ path, synchronous: 'NORMAL' })
  for (let i = 0; i < ENTRIES; i++) {
    await withClock(t, BASE + i * 60_000, () => repos.statusUpdates.create({ message: `m${i}` }, 'ann'))
  }
  await repos.close()
  return { dir, env: { PERSIST_DB_PATH: path }, sqlite }
}

t.test('verify prints the count and head; a checkpoint and a changed entry are checked', async (t) => {
  const { env, dir } = await seeded(t)
  const ok = trail(['audit', 'verify'], env)
  t.equal(ok.code, 0, ok.stderr)
  const [, seq, hash] = /^verified 40 entries, head (\d+) ([0-9a-f]{64})\n$/.exec(ok.stdout) ?? []
  t.equal(seq, '40')
  t.equal(trail(['audit', 'verify', '--checkpoint', `${seq}:${hash}`], env).code, 0)
  const wrong = trail(['audit', 'verify', '--checkpoint', `${seq}:${'0'.repeat(64)}`], env)
  t.equal(wrong.code, 1)
  t.match(wrong.stderr, /entry 40 .*checkpoint mismatch/)
  t.equal(
    trail(['audit', 'verify', '--checkpoint', 'nope'], env).code,
    2,
    'a malformed checkpoint is a usage error',
  )

  const { openSqlite } = await import('../../src/persistence/sqlite/client.js')
  const raw = openSqlite(join(dir, 'trail.db'), { synchronous: 'NORMAL' })
  raw.exec(`UPDATE audit_entries SET actor = 'mallory' WHERE seq = 17`)
  raw.close()
  const broken = trail(['audit', 'verify'], env)
  t.equal(broken.code, 1)
  t.match(broken.stderr, /^trail audit: entry 17 \(id [0-9a-f-]+, in database\) changed: /)
  t.match(broken.stderr, /after 16 entries verified/)
})

t.test('prune: dry run, then archive + delete; verify with and without the archive', async (t) => {
  const { env, dir } = await seeded(t)
  const before = new Date(BASE + 30 * 60_000).toISOString()
  const dry = trail(
    ['audit', 'prune', '--before', before, '--archive', join(dir, 'dry.ndjson'), '--dry-run'],
    env,
  )
  t.equal(dry.code, 0, dry.stderr)
  t.match(dry.stdout, /would archive and delete 30 entries \(seq 1–30\)/)
  t.notOk(existsSync(join(dir, 'dry.ndjson')))
  const archive = join(dir, 'archive.ndjson')
  const run = trail(['audit', 'prune', '--before', before, '--archive', archive, '--batch-size', '7'], env)
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /archived 30 entries \(seq 1–30\) .* recorded as entry 41/)
  t.equal(
    trail(['audit', 'prune', '--before', before, '--archive', archive], env).code,
    2,
    'never overwrites',
  )
  t.match(trail(['audit', 'verify', '--archive', archive], env).stdout, /^verified 41 entries, head 41 /)
  t.match(trail(['audit', 'verify'], env).stdout, /^verified 11 entries, head 41 /)
})

t.test('prune: one process at a time on a SQLite file; a second refuses and changes nothing', async (t) => {
  const { env, dir } = await seeded(t)
  const before = new Date(BASE + 30 * 60_000).toISOString()
  // This process holds the retention lock, as a prune (or the server's daily run) in progress does.
  const { repos } = await openSqliteBackend({ path: join(dir, 'trail.db'), synchronous: 'NORMAL' })
  t.teardown(() => repos.close())
  const holder = await holdRetentionLock(repos)

  const archive = join(dir, 'archive.ndjson')
  const refused = trail(['audit', 'prune', '--before', before, '--archive', archive], env)
  t.equal(refused.code, 1)
  t.match(refused.stderr, /^trail audit: another prune is running on this database .*nothing was done/)
  t.notOk(existsSync(archive), 'no archive written')
  t.match(trail(['audit', 'verify'], env).stdout, /^verified 40 entries, head 40 /, 'nothing deleted')
  const dry = trail(['audit', 'prune', '--before', before, '--archive', archive, '--dry-run'], env)
  t.equal(dry.code, 0, 'a dry run changes nothing, so it does not wait its turn')
  t.equal(await repos.audit.asRetentionRunner(async () => 'second'), undefined, 'in one process too')

  t.equal(await holder.release(), 'held')
  const run = trail(['audit', 'prune', '--before', before, '--archive', archive], env)
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /archived 30 entries/)
})
