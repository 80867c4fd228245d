#!/usr/bin/env node
// After the suite: no source file may fall below 90% of lines covered (tap's json-summary report).
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

const MINIMUM = 90
const summary = JSON.parse(readFileSync('.tap/report/coverage-summary.json', 'utf8'))
const below = Object.entries(summary)
  .filter(([file]) => file !== 'total' && relative(process.cwd(), file).startsWith('src/'))
  .filter(([, metrics]) => metrics.lines.pct < MINIMUM)
  .map(([file, metrics]) => `${relative(process.cwd(), file)}: ${metrics.lines.pct}% of lines`)

console.log(`coverage: ${summary.total.lines.pct}% of lines overall`)
if (below.length > 0) {
  console.error(
    `coverage: ${below.length} source file(s) below ${MINIMUM}% of lines:\n  ${below.join('\n  ')}`,
  )
  process.exit(1)
}
