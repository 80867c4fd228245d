// `trail adr export`: the Markdown files against golden copies, byte-identical re-runs, safe names for hostile
// titles, and the command itself writing into a directory from a SQLite database.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { openRepos } from '../../src/backends.js'
import { type Io, runCli } from '../../src/cli/commands.js'
import { loadConfig } from '../../src/config.js'
import { adrFiles, assertPlainFileName, slugOf } from '../../src/domains/design-notes/markdown.js'
import type { DesignNote } from '../../src/domains/design-notes/schemas.js'

const GOLDEN = fileURLToPath(new URL('./fixtures/adr-golden/', import.meta.url))

const base = { actor: 'ada', supersededBy: null, version: 1 } as const
const NOTES: DesignNote[] = [
  {
    ...base,
    id: '0190b1d4-0000-7000-8000-000000000001',
    title: 'Store data in SQLite',
    context: 'We need one file that runs everywhere.',
    decision: 'Use SQLite through better-sqlite3.',
    consequences: 'Backups are a file copy.\n\n- No server to run',
    createdAt: '2026-01-02T10:00:00.000Z',
    supersededBy: '0190b1d4-0000-7000-8000-000000000002',
    status: 'superseded',
    version: 2,
  },
  {
    ...base,
    id: '0190b1d4-0000-7000-8000-000000000002',
    title: 'Offer PostgreSQL | beside [SQLite]',
    context: 'Several instances must share a database.',
    decision: 'Add a PostgreSQL backend.',
    consequences: 'Two dialects to test.',
    createdAt: '2026-02-03T11:00:00.000Z',
    status: 'accepted',
    actor: 'bob',
  },
  {
    ...base,
    id: '0190b1d4-0000-7000-8000-000000000003',
    title: '../../etc/passwd',
    context: 'A hostile title.',
    decision: 'Slug it.',
    consequences: 'Nothing leaves the folder.',
    createdAt: '2026-03-04T12:00:00.000Z',
    status: 'proposed',
  },
]

t.test('the files match the golden copies', async (t) => {
  const files = adrFiles(NOTES)
  t.same(
    files.map((file) => file.name),
    [
      '0001-store-data-in-sqlite.md',
      '0002-offer-postgresql-beside-sqlite.md',
      '0003-etc-passwd.md',
      'README.md',
    ],
  )
  if (process.env.UPDATE_GOLDEN)
    for (const file of files) writeFileSync(join(GOLDEN, file.name), file.content)
  for (const file of files) t.equal(file.content, readFileSync(join(GOLDEN, file.name), 'utf8'), file.name)
  t.same(adrFiles(NOTES), files, 'the same notes give the same bytes')
})

t.test('hostile titles give safe, stable names', async (t) => {
  t.equal(slugOf('../../etc'), 'etc')
  t.equal(slugOf('/absolute/path'), 'absolute-path')
  t.equal(slugOf('C:\\Windows\\system32'), 'c-windows-system32')
  t.equal(slugOf('🚀🔥'), 'note', 'only emoji')
  t.equal(slugOf('Café déjà vu 🚀'), 'cafe-deja-vu')
  const long = 'word '.repeat(400)
  t.equal(long.length, 2000)
  t.ok(slugOf(long).length <= 50)
  t.equal(slugOf(long), slugOf(long), 'stable')
  t.equal(slugOf('x'.repeat(2000)), 'x'.repeat(50), 'one long word is cut')
  for (const title of ['../../etc', '..', 'a/b', '\\\\server\\share', 'CON', 'nul', ' . ']) {
    t.match(slugOf(title), /^[a-z0-9]+(-[a-z0-9]+)*$/, JSON.stringify(title))
  }
  for (const name of ['..', '../x.md', '/etc/passwd', 'a/b.md', 'a\\b.md', 'C:x.md', '']) {
    t.throws(() => assertPlainFileName(name), /not a plain file name/, JSON.stringify(name))
  }
})

t.test('the command writes the files, and a second run changes nothing', async (t) => {
  const dir = t.testdir()
  const env = { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'app.db'), LOG_LEVEL: 'silent' }
  const repos = await openRepos(loadConfig(env))
  const first = await repos.designNotes.create(
    { title: 'Use SQLite', context: 'c', decision: 'd', consequences: 'e' },
    'ada',
  )
  await repos.designNotes.create(
    { title: 'Use PostgreSQL', context: 'c', decision: 'd', consequences: 'e', supersedes: first.id },
    'bob',
  )
  await repos.close()
  const out: string[] = []
  const io = {
    env,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => out.push(text) },
  } as unknown as Io
  const target = join(dir, 'docs', 'adr')
  t.equal(await runCli(['adr', 'export', '--dir', target], io), 0)
  t.same(readdirSync(target).sort(), ['0001-use-sqlite.md', '0002-use-postgresql.md', 'README.md'])
  t.match(
    readFileSync(join(target, '0001-use-sqlite.md'), 'utf8'),
    /- Status: superseded by \[0002\. Use PostgreSQL\]\(0002-use-postgresql\.md\)/,
  )
  const before = Object.fromEntries(
    readdirSync(target).map((name) => [name, statSync(join(target, name)).mtimeMs]),
  )
  const contents = readdirSync(target).map((name) => readFileSync(join(target, name), 'utf8'))
  t.equal(await runCli(['adr', 'export', '--dir', target], io), 0)
  t.same(
    readdirSync(target).map((name) => readFileSync(join(target, name), 'utf8')),
    contents,
    'same bytes',
  )
  t.same(
    Object.fromEntries(readdirSync(target).map((name) => [name, statSync(join(target, name)).mtimeMs])),
    before,
    'no file rewritten',
  )
  t.match(out.at(-1), /0 files written, 3 unchanged/)
  t.equal(await runCli(['adr', 'export'], io), 2, 'no --dir: usage')
  t.equal(await runCli(['adr', 'frob'], io), 2)
  t.equal(await runCli(['adr', 'export', '--dir', target], { ...io, env: { PERSISTENCE: 'memory' } }), 2)
})
