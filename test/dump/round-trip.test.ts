// Data created through the API moves between backends unchanged: the row lines of every hop's export are
// byte-identical, and the API answers the same on every hop.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { hashSecret, newSecret } from '../../src/auth/tokens.js'
import { backends } from '../backends/index.js'
import { memory } from '../backends/memory.js'
import { postgres } from '../backends/postgres.js'
import { sqlite } from '../backends/sqlite.js'
import type { TestBackend } from '../backends/types.js'
import { verifyChain } from '../fixtures.js'
import { build } from '../helper.js'
import {
  dumpText,
  everythingThroughTheApi,
  exportToFile,
  forgeDump,
  importFile,
  rowLinesOf,
  rowsAndEnd,
  seedEverything,
} from './helpers.js'

// The hops cross backends, so they use every backend whatever TEST_BACKENDS says.
const byName = (name: string) => [memory, sqlite, postgres].find((b) => b.name === name) as TestBackend
const hops = [
  ['memory', 'sqlite'],
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
  ['sqlite', 'memory'],
] as const

for (const [from, to] of hops) {
  t.test(`${from} → ${to}: same rows, same answers`, async (t) => {
    const source = await build(t, byName(from))
    await seedEverything(source)
    const path = await exportToFile(t, source.repos)
    const original = readFileSync(path, 'utf8')

    const target = await build(t, byName(to))
    const summary = await importFile(path, target.repos)
    t.ok(summary.loaded)
    t.equal(summary.counts.audit_entries > 30, true, 'a long audit history moved')
    t.equal(rowsAndEnd(await dumpText(target.repos)), rowsAndEnd(original), 'row lines are byte-identical')
    t.same(await everythingThroughTheApi(target), await everythingThroughTheApi(source))
    // The search index is not in a dump: the import builds it from the rows, so the same rows are found.
    const hits = async (app: typeof source) =>
      (await app.inject({ method: 'GET', url: '/search?q=keep&limit=50' }))
        .json()
        .items.map((hit: { id: string }) => hit.id)
        .sort()
    t.not((await hits(source)).length, 0, 'the search finds seeded rows')
    t.same(await hits(target), await hits(source), 'the imported rows are found by search')

    // The audit chain continues exactly where the dump ends.
    const last = (await target.inject({ method: 'GET', url: '/audit-entries?limit=1' })).json().items[0].seq
    await target.inject({ method: 'POST', url: '/tasks', payload: { title: 'after the move' } })
    t.equal(
      (await target.inject({ method: 'GET', url: '/audit-entries?limit=1' })).json().items[0].seq,
      last + 1,
    )
    t.same(
      (await verifyChain(target.repos)).failure,
      undefined,
      'the imported chain verifies and the next write links to its head',
    )
  })
}

t.test('a dump whose audit chain fails is refused, naming the line', async (t) => {
  const source = await build(t, sqlite)
  await seedEverything(source)
  const path = await exportToFile(t, source.repos)
  const lines = rowLinesOf(path)
  const index = lines.findIndex((line) => line.includes('"audit_entries"')) + 3
  const changed = lines.map((line, i) =>
    i === index ? line.replace(/"actor":"[^"]*"/, '"actor":"mallory"') : line,
  )
  forgeDump(path, changed)
  const target = await build(t, sqlite)
  await t.rejects(importFile(path, target.repos), {
    name: 'DumpError',
    message: new RegExp(`^line ${index + 2}: the audit chain does not verify: entry \\d+ .*changed`),
  })
  t.same(await target.repos.audit.head(), undefined, 'nothing was loaded')
})

for (const backend of backends) {
  t.test(
    `${backend.name}: API tokens leave only with --include-tokens, as hashes, and stay only when asked`,
    async (t) => {
      const source = await build(t, backend)
      const secret = newSecret()
      await source.repos.tokens.create({
        actor: 'ada',
        role: 'admin',
        secretHash: hashSecret(secret),
        expiresAt: null,
      })
      await source.inject({
        method: 'POST',
        url: '/tasks',
        headers: { authorization: `Bearer ${secret}` },
        payload: { title: 'a' },
      })

      const without = await dumpText(source.repos)
      t.notMatch(without, /api_tokens","row"/, 'no token rows by default')
      t.match(JSON.parse(without.split('\n')[0] as string).counts, { api_tokens: 0 })

      const withTokens = await dumpText(source.repos, { includeTokens: true })
      t.match(withTokens, `"secretHash":"${hashSecret(secret)}"`)
      t.notMatch(withTokens, secret, 'never the secret itself')
      const path = join(t.testdirName, 'with-tokens.ndjson')
      mkdirSync(t.testdirName, { recursive: true })
      writeFileSync(path, withTokens)

      const dropped = await build(t, backend)
      const summary = await importFile(path, dropped.repos)
      t.equal(summary.skippedTokens, 1)
      t.same(await dropped.repos.tokens.list(), [], 'tokens are left out unless asked')

      const kept = await build(t, backend)
      await importFile(path, kept.repos, false, { includeTokens: true })
      t.same(await kept.repos.tokens.list(), await source.repos.tokens.list())
      const res = await kept.inject({
        method: 'GET',
        url: '/tasks',
        headers: { authorization: `Bearer ${secret}` },
      })
      t.equal(res.statusCode, 200, 'the same secret works after the move')
    },
  )
}
