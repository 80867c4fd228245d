// Dumps that are damaged, forged or aimed at the wrong database are refused with an error naming the
// line and the problem, and the target is left exactly as it was.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { DUMP_SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { backends } from '../backends/index.js'
import { build } from '../helper.js'
import {
  dumpText,
  exportToFile,
  forgeDump,
  importFile,
  rowLinesOf,
  rowsAndEnd,
  seedEverything,
} from './helpers.js'

for (const backend of backends) {
  t.test(`${backend.name}: hostile dumps are refused and change nothing`, async (t) => {
    const source = await build(t, backend)
    await seedEverything(source)
    const good = await exportToFile(t, source.repos)
    const text = readFileSync(good, 'utf8')
    const lines = rowLinesOf(good)
    const dir = t.testdirName
    const target = await build(t, backend)
    const before = await dumpText(target.repos)

    const refused = async (name: string, content: string | (() => void), message: RegExp) => {
      const path = join(dir, `${name.replaceAll(' ', '-')}.ndjson`)
      if (typeof content === 'string') writeFileSync(path, content)
      else content.call(null)
      await t.rejects(importFile(path, target.repos), { message }, name)
      await t.rejects(importFile(path, target.repos, true), { message }, `${name} (dry run)`)
      return path
    }
    const at = (name: string) => join(dir, `${name.replaceAll(' ', '-')}.ndjson`)

    // Truncated anywhere: inside the header, inside a row, on a line boundary, just before the end line.
    const cuts = [
      10,
      Math.floor(text.length / 3),
      text.lastIndexOf('\n', text.length - 2) + 1,
      text.length - 5,
    ]
    for (const cut of cuts) {
      await refused(
        `truncated at ${cut}`,
        text.slice(0, cut),
        /not valid JSON|truncated|no end line|end line/,
      )
    }
    const middle = Math.floor(text.length / 2)
    const flipped =
      text.slice(0, middle) + String.fromCharCode(text.charCodeAt(middle) ^ 1) + text.slice(middle + 1)
    await refused('a flipped byte', flipped, /^line \d+: /)
    const [first, second, ...rest] = text.split('\n')
    await refused(
      'a bad JSON line',
      [first, '{"table":"tasks","row":', second, ...rest].join('\n'),
      /line 2: not valid JSON/,
    )
    await refused('an empty file', '', /empty/)
    await refused('not a dump', '{"hello":"world"}\n', /line 1: not a trail-dump file/)

    const taskLine = lines.find((l) => l.startsWith('{"table":"tasks"')) as string
    const task = JSON.parse(taskLine).row
    await refused(
      'a duplicate id',
      () =>
        forgeDump(at('a duplicate id'), [
          taskLine,
          JSON.stringify({ table: 'tasks', row: { ...task, createdAt: '2999-01-01T00:00:00.000Z' } }),
        ]),
      /line 3: duplicate tasks id/,
    )
    const bugLine = lines.find((l) => l.startsWith('{"table":"bugs"')) as string
    const bug = JSON.parse(bugLine).row
    await refused(
      'a dangling reference',
      () =>
        forgeDump(at('a dangling reference'), [
          JSON.stringify({ table: 'bugs', row: { ...bug, taskId: '0190b1d4-0000-7000-8000-000000000000' } }),
        ]),
      /line 2: taskId 0190b1d4-0000-7000-8000-000000000000 names no task/,
    )
    const noteLine = lines.find((l) => l.startsWith('{"table":"design_notes"')) as string
    const note = JSON.parse(noteLine).row
    await refused(
      'a dangling supersede',
      () =>
        forgeDump(at('a dangling supersede'), [
          JSON.stringify({
            table: 'design_notes',
            row: { ...note, supersededBy: '0190b1d4-0000-7000-8000-000000000000' },
          }),
        ]),
      /line 2: supersededBy .* names no design note/,
    )
    await refused(
      'a wrong schema version',
      () => forgeDump(at('a wrong schema version'), [taskLine], { schemaVersion: 99 }),
      new RegExp(`line 1: the dump has schema version 99 and this database has ${DUMP_SCHEMA_VERSION}`),
    )
    await refused(
      'an over-long field',
      () =>
        forgeDump(at('an over-long field'), [
          JSON.stringify({ table: 'tasks', row: { ...task, title: 'x'.repeat(201) } }),
        ]),
      /line 2: tasks row: \/title must NOT have more than 200 characters/,
    )
    await refused(
      'a NUL in a string',
      () =>
        forgeDump(at('a NUL in a string'), [
          JSON.stringify({ table: 'tasks', row: { ...task, title: 'a\u0000b' } }),
        ]),
      /line 2: tasks row: \/title must not be blank, contain a NUL/,
    )
    await refused(
      'an unknown field',
      () =>
        forgeDump(at('an unknown field'), [JSON.stringify({ table: 'tasks', row: { ...task, owner: 'x' } })]),
      /line 2: tasks row: unknown field \/owner/,
    )
    await refused(
      'rows out of order',
      () => {
        const newer = {
          ...task,
          id: '01ffffff-0000-7000-8000-000000000000',
          createdAt: '2999-01-01T00:00:00.000Z',
        }
        forgeDump(at('rows out of order'), [JSON.stringify({ table: 'tasks', row: newer }), taskLine])
      },
      /line 3: tasks rows are not in creation order/,
    )
    await refused(
      'a gap in the audit sequence',
      () =>
        forgeDump(
          at('a gap in the audit sequence'),
          lines.filter((l) => l.startsWith('{"table":"audit_entries"') && !l.includes('"seq":2,')),
        ),
      /audit seq 3 does not follow 1/,
    )
    const lying = text.replace(/"counts":\{"tasks":(\d+)/, (_, n) => `"counts":{"tasks":${Number(n) + 1}`)
    await refused('counts that lie', lying, /tasks: the file has \d+ rows but says/)
    t.equal(rowsAndEnd(await dumpText(target.repos)), rowsAndEnd(before), 'the target is unchanged')

    // A good dump into a database that already has data: refused, and that data stays as it was.
    const nonEmpty = await dumpText(source.repos)
    await t.rejects(importFile(good, source.repos), /not empty/)
    t.equal(rowsAndEnd(await dumpText(source.repos)), rowsAndEnd(nonEmpty))

    // And the good dump itself loads.
    await importFile(good, target.repos, true)
    t.equal(rowsAndEnd(await dumpText(target.repos)), rowsAndEnd(before), 'a dry run writes nothing')
    await importFile(good, target.repos)
    t.not(rowsAndEnd(await dumpText(target.repos)), rowsAndEnd(before))
  })
}
