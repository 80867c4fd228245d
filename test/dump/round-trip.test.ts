// Data created through the API moves between backends unchanged: the row lines of every hop's export are
// byte-identical, and the API answers the same on every hop.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { backends } from '../backends/index.js'
import type { TestBackend } from '../backends/types.js'
import { build } from '../helper.js'
import {
  dumpText,
  everythingThroughTheApi,
  exportToFile,
  importFile,
  rowsAndEnd,
  seedEverything,
} from './helpers.js'

const byName = (name: string) => backends.find((b) => b.name === name) as TestBackend
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

    // The audit chain continues exactly where the dump ends.
    const last = (await target.inject({ method: 'GET', url: '/audit-entries?limit=1' })).json().items[0].seq
    await target.inject({ method: 'POST', url: '/tasks', payload: { title: 'after the move' } })
    t.equal(
      (await target.inject({ method: 'GET', url: '/audit-entries?limit=1' })).json().items[0].seq,
      last + 1,
    )
  })
}
