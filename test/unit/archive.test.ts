// A damaged audit archive is refused, naming what is wrong, and the chain's verification says so.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { DumpError } from '../../src/dump/lines.js'
import { createMemoryRepos } from '../../src/persistence/memory/repositories.js'
import { readArchive } from '../../src/retention/archive.js'
import { pruneAudit } from '../../src/retention/prune.js'
import { verifyTrail } from '../../src/retention/verify-trail.js'

const drain = async (path: string) => {
  for await (const _ of readArchive(path)) {
    // Each entry is checked as it is read.
  }
}

t.test('a damaged archive is refused and fails verification', async (t) => {
  const repos = createMemoryRepos()
  for (const title of ['one', 'two', 'three']) await repos.tasks.create({ title }, 'ada')
  const dir = t.testdir()
  const archivePath = join(dir, 'archive.ndjson')
  await pruneAudit(repos.audit, {
    before: new Date(Date.now() + 1000).toISOString(),
    archivePath,
    actor: 'ops',
  })
  const good = readFileSync(archivePath, 'utf8').trim().split('\n')
  t.equal(good.length, 5, 'a header, three entries and an end line')
  t.match(await verifyTrail(repos.audit, { archives: [archivePath] }), { ok: true })

  const damaged = (name: string, lines: string[]) => {
    const path = join(dir, `${name}.ndjson`)
    writeFileSync(path, `${lines.join('\n')}\n`)
    return path
  }
  const [header = '', first = '', second = '', third = '', end = ''] = good
  const cases: [string, string[], RegExp][] = [
    ['not an archive', ['{"format":"something else"}', ...good.slice(1)], /not a/],
    ['no end line', [header, first, second, third], /no end line/],
    ['an edited entry', [header, first, second.replace('"two"', '"2"'), third, end], /checksum/],
    ['an entry left out', [header, first, third, end], /counts 3 entries; the file has 2/],
    [
      'a line that is no entry',
      [header, '{"table":"tasks","row":{}}', second, third, end],
      /expected an audit entry/,
    ],
    ['another first entry', [header, second, first, third, end], /first entry is not the one/],
  ]
  for (const [name, lines, message] of cases) {
    const path = damaged(name.replaceAll(' ', '-'), lines)
    const error = await drain(path).then(
      () => undefined,
      (err: unknown) => err,
    )
    t.ok(error instanceof DumpError, `${name}: refused`)
    t.match((error as Error).message, message, `${name}: says why`)
    t.match(
      await verifyTrail(repos.audit, { archives: [path] }),
      { ok: false, failure: { source: `archive ${name.replaceAll(' ', '-')}.ndjson` } },
      `${name}: the verification fails at the archive`,
    )
  }
})
