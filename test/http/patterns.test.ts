// Every pattern and format in the API's schemas (each route of the built app, through its OpenAPI document,
// and the dump's row schemas) runs in linear time: none can backtrack super-linearly (scslre, the analysis
// behind eslint-plugin-regexp), and each rejects or accepts 1 MiB of hostile text quickly. The old title
// pattern took 2.5 s on 64 KB and minutes on 1 MiB. This is the one timing assertion the suite makes.

import { analyse } from 'scslre'
import t from 'tap'
import { compileStrict } from '../../src/core/validation.js'
import { ROW_SCHEMAS } from '../../src/dump/format.js'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'

interface StringRule {
  pattern?: string
  format?: string
}

function stringRules(schema: unknown, found: Map<string, StringRule>) {
  if (Array.isArray(schema)) {
    for (const item of schema) stringRules(item, found)
    return
  }
  if (typeof schema !== 'object' || schema === null) return
  const node = schema as Record<string, unknown>
  if (typeof node.pattern === 'string' || typeof node.format === 'string') {
    const rule: StringRule = {}
    if (typeof node.pattern === 'string') rule.pattern = node.pattern
    if (typeof node.format === 'string') rule.format = node.format
    found.set(JSON.stringify(rule), rule)
  }
  for (const value of Object.values(node)) stringRules(value, found)
}

const MiB = 1024 * 1024
const HOSTILE_TEXT_BOUND_MS = 2000
// Runs of one character with an ending that fails: the shape of every single-character ReDoS attack
// (x + y.repeat(n) + z), over the characters that schemas of ids, times, names and text care about.
const RUNS = ['a', 'f', '0', '9', ' ', '\t', '-', ':', '.', 'T', 'z', 'é', '\u200b', '\u0301', '😀', '\u0000']
const ENDS = ['', '\u0000', '!', '\ud800', '\n', ' ']
const hostile = RUNS.flatMap((run) =>
  ENDS.map((end) => run.repeat(Math.ceil(MiB / run.length)).slice(0, MiB - end.length) + end),
)

t.test('every pattern and format of the API and the dump is linear', async (t) => {
  const app = await build(t, memory)
  const found = new Map<string, StringRule>()
  stringRules(app.swagger(), found)
  stringRules(Object.values(ROW_SCHEMAS), found)
  t.ok(
    [...found.values()].some((rule) => rule.format === 'text'),
    'titles and other text are found (as the text format)',
  )
  t.ok(
    [...found.values()].some((rule) => rule.pattern !== undefined),
    'patterns are found',
  )

  for (const rule of found.values()) {
    const name = JSON.stringify(rule)
    if (rule.pattern !== undefined) {
      const { reports } = analyse({ source: rule.pattern, flags: 'u' })
      t.same(
        reports.map((report) => report.type),
        [],
        `${name}: no super-linear backtracking`,
      )
    }
    const validate = compileStrict({ type: 'string', ...rule })
    let slowest = 0
    for (const input of hostile) {
      const started = performance.now()
      validate(input)
      slowest = Math.max(slowest, performance.now() - started)
    }
    // A bound against catastrophe, not a speed target: linear checks take tens of milliseconds here, a
    // backtracking pattern minutes; the margin absorbs a loaded CI machine (300 ms was seen at load 15).
    t.ok(
      slowest < HOSTILE_TEXT_BOUND_MS,
      `${name}: at most ${slowest.toFixed(1)} ms on 1 MiB of hostile text`,
    )
  }
})

t.test('the analysis catches the pattern that used to guard titles', async (t) => {
  const { reports } = analyse({ source: '^[^\\u0000]*[^\\u0000\\s][^\\u0000]*$', flags: 'u' })
  t.not(reports.length, 0)
})
