#!/usr/bin/env node
// The OpenAPI document, without a running server: builds the app on the memory backend, writes
// /openapi.json to a temporary file, and then
//   node scripts/openapi.mjs check      lints it with Spectral (.spectral.yaml) and fails when the committed
//                                       client types (test/client/openapi.d.ts) differ from a fresh generation
//   node scripts/openapi.mjs generate   rewrites test/client/openapi.d.ts with openapi-typescript
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clientTypes, openapiDocument, ROOT, TYPES_HEADER } from './openapi-document.mjs'

const TYPES = join(ROOT, 'test', 'client', 'openapi.d.ts')
/** Spectral warnings we accept, each with its reason (also in docs/API.md). Any other warning fails. */
const ACCEPTED_WARNINGS = {
  'info-contact': 'trail is run by its operators; the document names no contact of its own',
}

const [mode] = process.argv.slice(2)
if (mode !== 'check' && mode !== 'generate') {
  process.stderr.write('usage: node scripts/openapi.mjs check|generate\n')
  process.exit(2)
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' })
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` }
}

const document = await openapiDocument()
const types = await clientTypes(document)
const header = TYPES_HEADER

if (mode === 'generate') {
  writeFileSync(TYPES, header + types)
  process.stdout.write(`wrote ${TYPES}\n`)
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'trail-openapi-'))
let failed = false
try {
  const file = join(dir, 'openapi.json')
  const results = join(dir, 'spectral.json')
  writeFileSync(file, JSON.stringify(document, null, 2))
  const spectral = run(process.execPath, [
    join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'),
    'lint',
    file,
    '--ruleset',
    join(ROOT, '.spectral.yaml'),
    '--format',
    'stylish',
    '--format',
    'json',
    '--output.json',
    results,
    '--fail-severity',
    'error',
  ])
  process.stdout.write(spectral.output)
  if (spectral.status !== 0) failed = true
  const problems = JSON.parse(readFileSync(results, 'utf8'))
  // Spectral severities: 0 error, 1 warning.
  const unaccepted = problems.filter((p) => p.severity <= 1 && !(p.code in ACCEPTED_WARNINGS))
  for (const p of unaccepted) {
    process.stderr.write(`openapi: ${p.code} at ${p.path.join('.')} is neither fixed nor accepted\n`)
    failed = true
  }
  for (const [code, reason] of Object.entries(ACCEPTED_WARNINGS)) {
    if (problems.some((p) => p.code === code)) process.stdout.write(`openapi: accepted ${code}: ${reason}\n`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

let committed = ''
try {
  committed = readFileSync(TYPES, 'utf8')
} catch {}
if (committed !== header + types) {
  process.stderr.write(`openapi: ${TYPES} is not what the document generates; run npm run openapi:types\n`)
  failed = true
}
process.exit(failed ? 1 : 0)
