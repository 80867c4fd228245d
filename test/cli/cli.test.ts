// The `trail` command as an operator runs it: the built bin, a SQLite file, real files on disk.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

// tsc's output, whose coverage maps back to the sources; the bundle operators run (the package's bin) is
// checked against it below.
const BIN = fileURLToPath(new URL('../../dist/src/cli/index.js', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../../dist/cli/trail.js', import.meta.url))

function trail(args: string[], env: Record<string, string> = {}, input?: string, bin = BIN) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', PERSISTENCE: 'sqlite', ...env },
    encoding: 'utf8',
    input,
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

t.test('help and usage errors', async (t) => {
  const help = trail(['--help'])
  t.equal(help.code, 0)
  t.match(help.stdout, /usage: trail <command>/)
  t.match(help.stdout, /import --in FILE \[--dry-run\]/)
  const unknown = trail(['frobnicate'])
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /unknown command "frobnicate"/)
  const missing = trail(['import'])
  t.equal(missing.code, 2)
  t.match(missing.stderr, /import needs --in FILE/)
  const badFlag = trail(['export', '--bogus'])
  t.equal(badFlag.code, 2)
  const memory = trail(['export'], { PERSISTENCE: 'memory' })
  t.equal(memory.code, 2)
  t.match(memory.stderr, /needs PERSISTENCE=sqlite or postgres/)
})

t.test('the bundled bin (package.json bin) runs the same commands', async (t) => {
  const bin = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).bin.trail
  t.equal(fileURLToPath(new URL(`../../${bin}`, import.meta.url)), BUNDLE)
  const help = trail(['--help'], {}, undefined, BUNDLE)
  t.equal(help.code, 0)
  t.equal(help.stdout, trail(['--help']).stdout, 'the same help text')
  const db = { PERSIST_DB_PATH: join(t.testdir(), 'app.db') }
  t.equal(trail(['migrate'], db, undefined, BUNDLE).code, 0)
  const created = trail(['tokens', 'create', '--actor', 'ada', '--role', 'admin'], db, undefined, BUNDLE)
  t.equal(created.code, 0, created.stderr)
  t.match(trail(['tokens', 'list'], db).stdout, /ada/, 'written where the unbundled CLI reads')
  const verify = trail(['audit', 'verify'], db, undefined, BUNDLE)
  t.equal(verify.code, 0, verify.stderr)
  t.match(verify.stdout, /^verified \d+ entries, head /)
})

t.test('migrate reports what it applied, then that it is up to date', async (t) => {
  const db = join(t.testdir(), 'fresh', 'app.db')
  const first = trail(['migrate'], { PERSIST_DB_PATH: db })
  t.equal(first.code, 0, first.stderr)
  t.match(
    first.stdout,
    /^applied 0000_init\napplied 0001_api_tokens\napplied 0002_task_assignees_and_list_indexes\napplied 0003_webhooks\napplied 0004_design_note_lifecycle_and_search\napplied 0005_search_index_and_backfill\napplied 0006_audit_hash_chain\nsqlite: now at schema version 7\n$/,
  )
  const second = trail(['migrate'], { PERSIST_DB_PATH: db })
  t.equal(second.stdout, 'sqlite: up to date at schema version 7\n')
})

t.test('export, import --dry-run, import, backup: SQLite to SQLite', async (t) => {
  const dir = t.testdir()
  const source = join(dir, 'source.db')
  const dump = join(dir, 'dump.ndjson')
  // Seed through the service's own repositories, as the server would.
  const seed = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { openRepos } from '${new URL('../../dist/src/backends.js', import.meta.url)}'
       import { loadConfig } from '${new URL('../../dist/src/config.js', import.meta.url)}'
       const repos = await openRepos(loadConfig({ PERSIST_DB_PATH: ${JSON.stringify(source)} }))
       const task = await repos.tasks.create({ title: 'moved' }, 'ada')
       await repos.bugs.create({ title: 'with it', severity: 'low', taskId: task.id }, 'ada')
       await repos.close()`,
    ],
    { encoding: 'utf8' },
  )
  t.equal(seed.status, 0, seed.stderr)

  const exported = trail(['export', '--out', dump], { PERSIST_DB_PATH: source })
  t.equal(exported.code, 0, exported.stderr)
  t.match(
    exported.stderr,
    /exported 4 rows \(tasks 1, bugs 1, status_updates 0, design_notes 0, audit_entries 2, api_tokens 0, webhooks 0\)/,
  )
  t.notOk(existsSync(`${dump}.partial`))
  const lines = readFileSync(dump, 'utf8').trim().split('\n')
  t.match(JSON.parse(lines[0] as string), { format: 'trail-dump', formatVersion: 1, schemaVersion: 7 })
  t.match(JSON.parse(lines.at(-1) as string), { end: true, sha256: /^[0-9a-f]{64}$/ })
  t.equal(trail(['export', '--out', dump], { PERSIST_DB_PATH: source }).code, 2, 'never overwrites a file')

  const toStdout = trail(['export'], { PERSIST_DB_PATH: source })
  t.equal(toStdout.stdout.split('\n').slice(1).join('\n'), lines.slice(1).join('\n').concat('\n'))

  const target = join(dir, 'target.db')
  const dry = trail(['import', '--in', dump, '--dry-run'], { PERSIST_DB_PATH: target })
  t.equal(dry.code, 0, dry.stderr)
  t.match(dry.stdout, /dry run: valid; would load 4 rows .*nothing was written/)
  const imported = trail(['import', '--in', dump], { PERSIST_DB_PATH: target })
  t.equal(imported.code, 0, imported.stderr)
  t.match(imported.stdout, /imported 4 rows/)
  const again = trail(['import', '--in', dump], { PERSIST_DB_PATH: target })
  t.equal(again.code, 1)
  t.match(again.stderr, /not empty/)
  const reexported = trail(['export'], { PERSIST_DB_PATH: target })
  t.equal(reexported.stdout.split('\n').slice(1).join('\n'), toStdout.stdout.split('\n').slice(1).join('\n'))

  const broken = join(dir, 'broken.ndjson')
  writeFileSync(broken, readFileSync(dump, 'utf8').replace('"moved"', '"moved!"'))
  const refused = trail(['import', '--in', broken], { PERSIST_DB_PATH: join(dir, 'other.db') })
  t.equal(refused.code, 1)
  t.match(refused.stderr, /^trail import: line \d+: the checksum does not match/)

  const copy = join(dir, 'copy.db')
  const backup = trail(['backup', '--out', copy], { PERSIST_DB_PATH: source })
  t.equal(backup.code, 0, backup.stderr)
  const fromCopy = trail(['export'], { PERSIST_DB_PATH: copy })
  t.equal(fromCopy.stdout.split('\n').slice(1).join('\n'), toStdout.stdout.split('\n').slice(1).join('\n'))
  t.equal(trail(['backup', '--out', copy], { PERSIST_DB_PATH: source }).code, 2, 'never overwrites a file')
  t.equal(trail(['backup', '--out', join(dir, 'x.db')], { PERSISTENCE: 'memory' }).code, 1)
})

t.test(
  'tokens: create prints the secret once, list never shows it, revoke refuses it from then on',
  async (t) => {
    const db = join(t.testdir(), 'app.db')
    const env = { PERSIST_DB_PATH: db }
    const created = trail(['tokens', 'create', '--actor', 'ada', '--role', 'admin'], env)
    t.equal(created.code, 0, created.stderr)
    const secret = created.stdout.trim()
    t.match(secret, /^trail_[A-Za-z0-9_-]{32}$/)
    t.match(
      created.stderr,
      /created token [0-9a-f-]{36} for ada \(admin\); the secret above is shown only now/,
    )
    const viewer = trail(['tokens', 'create', '--actor', 'dash', '--role', 'viewer', '--expires', '90d'], env)
    t.equal(viewer.code, 0, viewer.stderr)
    t.match(viewer.stderr, /\(viewer, expires \d{4}-/)

    const list = trail(['tokens', 'list'], env)
    t.equal(list.code, 0)
    t.match(list.stdout, /ada {2}admin .* active/)
    t.match(list.stdout, /dash {2}viewer .* expires \d{4}-/)
    t.notMatch(list.stdout, secret)
    t.notOk(readFileSync(db).includes(Buffer.from(secret)), 'the database file never holds the secret')

    const id = /[0-9a-f-]{36}/.exec(created.stderr)?.[0] as string
    const revoked = trail(['tokens', 'revoke', id], env)
    t.equal(revoked.code, 0, revoked.stderr)
    t.match(revoked.stdout, `revoked ${id} (ada, admin)`)
    t.match(trail(['tokens', 'list'], env).stdout, /ada {2}admin .* revoked \d{4}-/)

    t.equal(trail(['tokens', 'create', '--actor', 'x', '--role', 'root'], env).code, 2, 'unknown role')
    t.equal(trail(['tokens', 'create', '--role', 'viewer'], env).code, 2, 'no actor')
    t.match(
      trail(['tokens', 'create', '--actor', 'x', '--role', 'viewer', '--expires', 'soon'], env).stderr,
      /--expires takes a duration like 90d/,
    )
    t.equal(trail(['tokens', 'revoke'], env).code, 2)
    t.equal(trail(['tokens', 'revoke', '0190b1d4-0000-7000-8000-000000000000'], env).code, 1)
    t.equal(trail(['tokens', 'rotate'], env).code, 2)
  },
)
