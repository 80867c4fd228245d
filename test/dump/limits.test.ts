// Import refuses what the API would refuse, at the API's speed: text that backtracked the old pattern
// (a 200 KB title took 36 s), lone surrogates, blank text, lines nested past 32 levels (a 50 MB line of
// nested arrays took 24 s and 2.6 GB) and over-long lines.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { DumpError, lines } from '../../src/dump/import.js'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'
import { dumpText, exportToFile, forgeDump, importFile, rowLinesOf, rowsAndEnd } from './helpers.js'

for (const backend of backends) {
  t.test(`${backend.name}: text, depth and line limits hold on import`, async (t) => {
    const source = await build(t, backend)
    await source.inject({ method: 'POST', url: '/tasks', payload: { title: 'a task' } })
    const rows = rowLinesOf(await exportToFile(t, source.repos))
    const task = JSON.parse(rows.find((l) => l.startsWith('{"table":"tasks"')) as string).row
    const audit = JSON.parse(rows.find((l) => l.startsWith('{"table":"audit_entries"')) as string).row
    const target = await build(t, backend)
    const empty = await dumpText(target.repos)

    const refused = async (name: string, rowLines: string[], message: RegExp) => {
      const path = join(t.testdirName, `${name.replaceAll(' ', '-')}.ndjson`)
      forgeDump(path, rowLines)
      await t.rejects(importFile(path, target.repos), { name: 'DumpError', message }, name)
    }
    const taskWith = (fields: object) => JSON.stringify({ table: 'tasks', row: { ...task, ...fields } })

    await refused(
      'a 200 KB title ending in NUL',
      [taskWith({ title: `${'a'.repeat(200_000)}\u0000` })],
      /line 2: tasks row: \/title must NOT have more than 200 characters/,
    )
    await refused(
      'a lone surrogate title',
      [taskWith({ title: '\ud800'.repeat(200) })],
      /line 2: a string has a lone surrogate/,
    )
    await refused(
      'a zero-width title',
      [taskWith({ title: '\u200b' })],
      /line 2: tasks row: \/title must not be blank/,
    )
    await refused(
      'a lone surrogate in an audit diff',
      [
        taskWith({}),
        JSON.stringify({ table: 'audit_entries', row: { ...audit, diff: { title: [null, 'a\udfff'] } } }),
      ],
      /line 3: a string has a lone surrogate/,
    )
    const deepValue = JSON.parse(`${'['.repeat(30)}${']'.repeat(30)}`)
    await refused(
      'an audit diff nested too deep',
      [
        taskWith({}),
        JSON.stringify({ table: 'audit_entries', row: { ...audit, diff: { title: [null, deepValue] } } }),
      ],
      /line 3: nests deeper than 32 levels/,
    )

    // A 20 MB line of nested arrays is refused at its 33rd bracket, not after building millions of arrays.
    const path = join(t.testdirName, 'nested.ndjson')
    forgeDump(path, [taskWith({})])
    const header = readFileSync(path, 'utf8').split('\n')[0]
    writeFileSync(path, `${header}\n${'['.repeat(20_000_000)}\n`)
    await t.rejects(importFile(path, target.repos), { message: /line 2: nests deeper than 32 levels/ })

    t.equal(rowsAndEnd(await dumpText(target.repos)), rowsAndEnd(empty), 'nothing was loaded')
  })
}

t.test(
  'dump lines: bounded, split on \\n, \\r\\n accepted, multi-byte characters across reads',
  async (t) => {
    const dir = t.testdir()
    const path = join(dir, 'lines.ndjson')
    const long = 'é'.repeat(100_000) // 200 KB: spans several 64 KiB reads, and a character is cut at some edge
    writeFileSync(path, `one\r\n${long}\n\nlast`)
    const seen: string[] = []
    for await (const [, line] of lines(path)) seen.push(line)
    t.same(seen, ['one', long, '', 'last'])

    writeFileSync(path, `short\n${'x'.repeat(1000)}\nnever read\n`)
    const read: number[] = []
    await t.rejects(
      (async () => {
        for await (const [number] of lines(path, 100)) read.push(number)
      })(),
      new DumpError(2, 'the line is longer than 100 bytes'),
    )
    t.same(read, [1])
    writeFileSync(path, `short\n${'x'.repeat(200_000)}`)
    await t.rejects(
      (async () => {
        for await (const [number] of lines(path, 100_000)) read.push(number)
      })(),
      { message: 'line 2: the line is longer than 100000 bytes' },
      'a last line without its newline is bounded too',
    )
  },
)
