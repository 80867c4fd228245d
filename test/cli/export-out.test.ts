// `trail export --out F` never replaces anything at F, even something that appears there during the run, and
// removes only the partial file it created itself.
import { readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import t from 'tap'
import { runCli } from '../../src/cli/commands.js'

/** Runs `trail` in this process; `onStderr` sees each write to stderr, which is a terminal here. */
async function trail(args: string[], env: Record<string, string>, onStderr: () => void = () => {}) {
  let stderr = ''
  const sink = (append: (text: string) => void) => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk))
        done()
      },
    }) as unknown as NodeJS.WriteStream
    // A terminal, so the progress bar is drawn while the dump is being written.
    Object.assign(stream, { isTTY: true, columns: 100 })
    return stream
  }
  const stdout = sink(() => {})
  const code = await runCli(args, {
    env,
    stdout,
    stderr: sink((text) => {
      stderr += text
      onStderr()
    }),
  })
  return { code, stderr }
}

t.test('export --out leaves alone what appears at the target during the run', async (t) => {
  const dir = t.testdir()
  const env = { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'app.db') }
  const out = join(dir, 'dump.ndjson')
  // Someone else's file that happens to have the old partial name.
  writeFileSync(`${out}.partial`, 'not yours')

  // The progress bar's first frame is drawn after the partial file is open and before the dump is
  // complete: that is when a dangling symlink appears at the target.
  let planted = false
  const raced = await trail(['export', '--out', out], env, () => {
    if (planted) return
    planted = true
    symlinkSync(join(dir, 'elsewhere'), out)
  })
  t.ok(planted, 'the symlink appeared during the run')
  t.equal(raced.code, 1)
  t.match(raced.stderr, `${out} appeared during the export and was left alone; the dump was not kept`)
  t.equal(readlinkSync(out), join(dir, 'elsewhere'), 'the symlink is still there')
  t.same(
    readdirSync(dir).filter((name) => name.startsWith('elsewhere')),
    [],
    'nothing was written through it',
  )
  t.equal(readFileSync(`${out}.partial`, 'utf8'), 'not yours', 'a partial file it did not create is kept')
  t.same(
    readdirSync(dir).filter((name) => name.startsWith('dump.ndjson.partial.')),
    [],
    'its own partial file is removed',
  )

  const refused = await trail(['export', '--out', out], env)
  t.equal(refused.code, 2, 'a dangling symlink already at the target is refused')
  t.match(refused.stderr, `${out} exists; choose a new file`)

  const fresh = join(dir, 'fresh.ndjson')
  const done = await trail(['export', '--out', fresh], env)
  t.equal(done.code, 0, done.stderr)
  t.match(readFileSync(fresh, 'utf8'), /^\{"format":"trail-dump"/)
  t.same(
    readdirSync(dir)
      .filter((name) => name.includes('.partial'))
      .sort(),
    ['dump.ndjson.partial'],
    'no partial file of its own is left, and the other is kept',
  )
})
