// Daily audit retention in the server (AUDIT_RETENTION_DAYS + AUDIT_ARCHIVE_DIR): soon after start it archives
// and prunes the entries older than the policy, records the prune in the chain, and a second run finds nothing.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { createMemoryRepos } from '../../src/persistence/memory/repositories.js'
import { runRetention } from '../../src/retention/plugin.js'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'

const DAY_MS = 24 * 60 * 60 * 1000
const memory = backends.find((backend) => backend.name === 'memory')

t.test('the server prunes entries older than AUDIT_RETENTION_DAYS into AUDIT_ARCHIVE_DIR', async (t) => {
  if (memory === undefined) return t.pass('memory is not among TEST_BACKENDS')
  let now = Date.now() - 3 * DAY_MS
  const repos = createMemoryRepos({ clock: () => now })
  for (const title of ['old one', 'old two']) await repos.tasks.create({ title }, 'ada')
  now = Date.now()
  await repos.tasks.create({ title: 'recent' }, 'ada')

  const archiveDir = join(t.testdir(), 'archives')
  const app = await build(t, memory, {
    repos,
    env: { AUDIT_RETENTION_DAYS: '1', AUDIT_ARCHIVE_DIR: archiveDir },
  })
  // The first run starts right after the server is ready; its prune entry says it is done.
  const pruneEntry = async () => (await repos.audit.list({ filter: { action: 'prune' }, limit: 1 })).items[0]
  while ((await pruneEntry()) === undefined) await new Promise((resolve) => setImmediate(resolve))

  t.match(await pruneEntry(), { entity: 'audit', actor: 'retention', diff: { throughSeq: [null, 2] } })
  t.equal((await repos.audit.oldestKept())?.seq, 3, 'the two old entries are gone from the trail')
  const [archive, ...others] = readdirSync(archiveDir)
  t.same(others, [], 'one archive')
  const lines = readFileSync(join(archiveDir, archive ?? ''), 'utf8')
    .trim()
    .split('\n')
  t.equal(lines.length, 4, 'a header, the two old entries and an end line')

  const again = await runRetention(app, { days: 1, archiveDir })
  t.match(again, { archived: 0, resumed: 0 }, 'a second run finds nothing older than the policy')
})
