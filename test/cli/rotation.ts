// The `tokens rotate` scenario shared by the SQLite and PostgreSQL test files: the CLI run as an operator
// runs it, and the real server answering the old and new secrets.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { runCli } from '../../src/cli/commands.js'
import { eventually } from '../eventually.js'
import { startServer } from '../server.js'

const BIN = fileURLToPath(new URL('../../dist/src/cli/index.js', import.meta.url))

export function trail(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * The same command (runCli) in this process: a separate process per command is seconds each on a busy
 * machine, so only the rotation itself runs the built bin.
 */
export async function trailHere(args: string[], env: Record<string, string>) {
  let stdout = ''
  let stderr = ''
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk))
        done()
      },
    }) as unknown as NodeJS.WriteStream
  const code = await runCli(args, {
    env,
    stdout: sink((text) => {
      stdout += text
    }),
    stderr: sink((text) => {
      stderr += text
    }),
  })
  return { code, stdout, stderr }
}

const idIn = (text: string) => /created token ([0-9a-f-]{36})/.exec(text)?.[1] as string

export async function rotation(
  t: Test,
  dir: string,
  env: Record<string, string>,
  freshEnv: () => Promise<Record<string, string>>,
) {
  const created = await trailHere(
    ['tokens', 'create', '--actor', 'ada', '--role', 'contributor', '--expires', '90d'],
    env,
  )
  t.equal(created.code, 0, created.stderr)
  const oldSecret = created.stdout.trim()
  const oldId = idIn(created.stderr)

  const rotated = trail(['tokens', 'rotate', oldId], env)
  t.equal(rotated.code, 0, rotated.stderr)
  const newSecret = rotated.stdout.trim()
  t.match(newSecret, /^trail_[A-Za-z0-9_-]{32}$/)
  t.not(newSecret, oldSecret)
  const newId = idIn(rotated.stderr)
  t.match(rotated.stderr, /for ada \(contributor, expires \d{4}-.*\n.* keeps working until \d{4}-/)
  const list = (await trailHere(['tokens', 'list'], env)).stdout
  t.match(list, new RegExp(`${newId} {2}ada {2}contributor .* active`))
  // The old token now expires 24 hours from now instead of in 90 days.
  const oldExpiry = new RegExp(`${oldId} .* expires (\\S+) {2}active`).exec(list)?.[1] as string
  const hours = (Date.parse(oldExpiry) - Date.now()) / 3_600_000
  t.ok(hours > 23 && hours <= 24, `the old token expires in 24 h (${hours.toFixed(2)})`)

  const server = await startServer(t, env)
  const as = (secret: string, init: RequestInit = {}) =>
    fetch(`${server.url}/tasks`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    })
  t.equal((await as(oldSecret)).status, 200, 'the old secret works during the grace period')
  const write = await as(newSecret, { method: 'POST', body: JSON.stringify({ title: 'by the new secret' }) })
  t.equal(write.status, 201, 'the new secret works at once, for the same role')
  t.equal((await (await as(newSecret)).json()).items[0].title, 'by the new secret')

  // A dump made now, loaded elsewhere, keeps both tokens as they are.
  const dump = join(dir, 'with-tokens.ndjson')
  t.equal((await trailHere(['export', '--out', dump, '--include-tokens'], env)).code, 0)
  const elsewhere = await freshEnv()
  const imported = await trailHere(['import', '--in', dump, '--include-tokens'], elsewhere)
  t.equal(imported.code, 0, imported.stderr)
  t.equal(
    (await trailHere(['tokens', 'list'], elsewhere)).stdout,
    (await trailHere(['tokens', 'list'], env)).stdout,
  )

  const immediate = await trailHere(['tokens', 'rotate', newId, '--grace', '0'], env)
  t.equal(immediate.code, 0, immediate.stderr)
  t.match(immediate.stderr, `revoked ${newId}`)
  const newest = immediate.stdout.trim()
  // The running server trusts a token it read for TOKEN_RECHECK_MS (1 s): ask again until it reads it anew.
  let refused = await as(newSecret)
  await eventually(
    async () => {
      refused = await as(newSecret)
      return refused.status !== 200
    },
    'the server to read the token again',
    { intervalMs: 100 },
  )
  t.equal(refused.status, 401, '--grace 0 refuses the old secret once the server reads it again')
  t.match(await refused.json(), { code: 'UNAUTHORIZED', detail: 'The token was revoked' })
  t.equal((await as(newest)).status, 200)
  t.equal((await as(oldSecret)).status, 200, 'the first secret keeps its own grace period')

  const again = await trailHere(['tokens', 'rotate', newId], env)
  t.equal(again.code, 1)
  t.match(again.stderr, /is revoked; create a new one instead/)
  t.equal((await trailHere(['tokens', 'rotate', '0190b1d4-0000-7000-8000-000000000000'], env)).code, 1)
  const badGrace = await trailHere(['tokens', 'rotate', oldId, '--grace', 'soon'], env)
  t.equal(badGrace.code, 2)
  t.match(badGrace.stderr, /--grace takes 0 or a duration/)
  t.equal((await trailHere(['tokens', 'rotate'], env)).code, 2)
  t.equal(
    (await trailHere(['tokens', 'list'], env)).stdout.trim().split('\n').length,
    3,
    'no token was added',
  )
}
