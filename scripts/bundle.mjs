#!/usr/bin/env node
// The server as `npm start` runs it and the `trail` command: tsc's output (dist/src) bundled by esbuild into
// dist/server/ and dist/cli/, with the dependencies that ship as hundreds of small ES modules inlined. Node loads each ES module through an
// asynchronous resolve, read, parse and link: @sinclair/typebox is 247 files, drizzle-orm 112 and trail's
// own code 116, about a third of the CPU from start to healthy (docs/adr/0008-server-bundle.md).
// Every other dependency stays an ordinary import from node_modules: CommonJS packages load quickly, and
// some find files beside their own code (native bindings, swagger-ui's assets, pino's worker).
// Each backend's code is a chunk of its own, loaded only when that backend is configured.
//   node scripts/bundle.mjs        (run by `npm run build`, after tsc)
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..')
const SERVER_DIR = join(ROOT, 'dist', 'server')
const CLI_DIR = join(ROOT, 'dist', 'cli')

/** ES-module-only dependencies of many files each, taken into the bundle. */
const INLINED = ['@sinclair/typebox', 'drizzle-orm', 'canonicalize', 'stemmer', 'uuidv7']

const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const external = Object.keys(dependencies).filter((name) => !INLINED.includes(name))
// pg's optional native binding, which trail never installs.
external.push('pg-native')

// The CLI for the same reasons: a command starts in about two thirds of the CPU, and holds several MB less
// while it works (a verify or a dump counts every MB).
const bundles = [
  { name: 'server', entry: join(ROOT, 'dist', 'src', 'server.js'), outdir: SERVER_DIR },
  { name: 'trail', entry: join(ROOT, 'dist', 'src', 'cli', 'index.js'), outdir: CLI_DIR },
]
for (const { name, entry, outdir } of bundles) {
  rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    sourcemap: true,
    logLevel: 'warning',
  })
}
