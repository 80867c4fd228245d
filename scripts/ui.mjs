#!/usr/bin/env node
// The web interface (ui/), built from the API it runs against:
//   node scripts/ui.mjs build       generates ui/src/api/openapi.d.ts from the app's own /openapi.json, type-checks
//                                   ui/ against it (so a call to an operation the API lacks fails the build),
//                                   bundles it with Vite into dist/ui and checks the first page's budget
//   node scripts/ui.mjs typecheck   the first two steps only
// `npm run build` (and so `npm start` and `npm test`) runs `build`; it is skipped when dist/ui is newer than
// everything in ui/ and src/.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { clientTypes, openapiDocument, ROOT, TYPES_HEADER } from './openapi-document.mjs'

const UI = join(ROOT, 'ui')
const OUT = join(ROOT, 'dist', 'ui')
const STAMP = join(OUT, '.built')
const TYPES = join(UI, 'src', 'api', 'openapi.d.ts')
/** JavaScript the first page loads, gzipped. */
const FIRST_PAGE_BUDGET = 100 * 1024

const [mode] = process.argv.slice(2)
if (mode !== 'build' && mode !== 'typecheck') {
  process.stderr.write('usage: node scripts/ui.mjs build|typecheck\n')
  process.exit(2)
}

const newest = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && join(entry.parentPath, entry.name) !== TYPES)
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  )

if (mode === 'build' && existsSync(STAMP)) {
  const built = statSync(STAMP).mtimeMs
  if (built >= newest(UI) && built >= newest(join(ROOT, 'src'))) process.exit(0)
}

const types = TYPES_HEADER + (await clientTypes(await openapiDocument()))
if (!existsSync(TYPES) || readFileSync(TYPES, 'utf8') !== types) writeFileSync(TYPES, types)

const check = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(UI, 'tsconfig.json')],
  { cwd: ROOT, stdio: 'inherit' },
)
if (check.status !== 0) {
  process.stderr.write('ui: the web interface does not type-check against the API (see above)\n')
  process.exit(1)
}
if (mode === 'typecheck') process.exit(0)

const { build } = await import('vite')
await build({ configFile: join(UI, 'vite.config.ts'), build: { manifest: true } })

// The first page: the entry chunk and every chunk it imports statically (not the lazily loaded views).
const manifest = JSON.parse(readFileSync(join(OUT, '.vite', 'manifest.json'), 'utf8'))
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
const files = new Set()
const visit = (key) => {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) visit(imported)
}
visit(entryKey)
const gzipped = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(OUT, file))).length, 0)
process.stdout.write(
  `ui: first page ${(gzipped / 1024).toFixed(1)} KiB of JavaScript gzipped (${files.size} files)\n`,
)
if (gzipped > FIRST_PAGE_BUDGET) {
  process.stderr.write(`ui: over the budget of ${FIRST_PAGE_BUDGET / 1024} KiB\n`)
  process.exit(1)
}
writeFileSync(STAMP, `${new Date().toISOString()}\n`)
