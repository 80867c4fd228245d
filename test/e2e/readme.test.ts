// The README's API tour, run verbatim in bash against a real server: every status line and problem code
// its comments promise must appear, and no answer may be a 5xx.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { startServer } from '../server.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const tour = readme.slice(readme.indexOf('## API tour'), readme.indexOf('## Behaviour worth knowing'))
const blocks = [...tour.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] as string)

t.test('every curl example in the README answers as documented', async (t) => {
  t.ok(blocks.length >= 6, 'the tour has its examples')
  const server = await startServer(t, {
    PERSISTENCE: 'sqlite',
    PERSIST_DB_PATH: join(t.testdir(), 'tour.db'),
  })
  const port = new URL(server.url).port
  const marker = '----8<----'
  const script = blocks.map((block) => `${block}\necho; echo '${marker}'`).join('\n')
  const run = spawnSync('bash', ['-c', script.replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  t.equal(run.status, 0, run.stderr)
  const outputs = run.stdout.split(marker)
  blocks.forEach((block, i) => {
    const output = outputs[i] ?? ''
    for (const [, status] of block.matchAll(/^# (HTTP\/1\.1 \d{3})/gm))
      t.match(output, status as string, `block ${i + 1}: ${status}`)
    for (const [code] of block.matchAll(/"code":"[A-Z_]+"/g)) t.match(output, code, `block ${i + 1}: ${code}`)
    t.notMatch(output, /"status":5\d\d|HTTP\/1\.1 5\d\d/, `block ${i + 1}: no 5xx`)
    // A block that documents an error shows its code; every other block must succeed.
    if (!/"code":/.test(block)) t.notMatch(output, /"status":4\d\d/, `block ${i + 1}: no error`)
  })
})
