// Every unit test file of this folder and of test/domains (the plans) in one process, for
// `npm run test:mutation`: it runs the suites once per mutant, and one process instead of one per file is most of
// the time saved. `npm test` runs each *.test.ts on its own.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

// The clock test opens every backend (PGlite takes seconds to start): the contract stage covers it.
const OPENS_BACKENDS = new Set(['clock.test.ts'])

for (const folder of [import.meta.dirname, join(import.meta.dirname, '..', 'domains')]) {
  const files = readdirSync(folder).filter((name) => name.endsWith('.test.ts') && !OPENS_BACKENDS.has(name))
  for (const file of files.sort()) await import(join(folder, file))
}
