#!/usr/bin/env node
// The server as `npm start` runs it: tsc's output (dist/src) bundled by esbuild into dist/server/, with the
// dependencies that ship as hundreds of small ES modules inlined. Node loads each ES module through an
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
export const SERVER_DIR = join(ROOT, 'dist', 'server')

/** ES-module-only dependencies of many files each, taken into the bundle. */
const INLINED = ['@sinclair/typebox', 'drizzle-orm', 'canonicalize', 'stemmer', 'uuidv7']

const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const external = Object.keys(dependencies).filter((name) => !INLINED.includes(name))
// pg's optional native binding, which trail never installs.
external.push('pg-native')

rmSync(SERVER_DIR, { recursive: true, force: true })
await build({
  entryPoints: { server: join(ROOT, 'dist', 'src', 'server.js') },
  outdir: SERVER_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
})
