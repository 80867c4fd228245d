// Every unit test file of this folder in one process, for `npm run test:mutation`: it runs the suites once per
// mutant, and one process instead of one per file is most of the time saved. `npm test` runs each *.test.ts.
import { readdirSync } from 'node:fs'

const files = readdirSync(import.meta.dirname).filter((name) => name.endsWith('.test.ts'))
for (const file of files.sort()) await import(`./${file}`)
