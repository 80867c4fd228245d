#!/usr/bin/env node
// The server as `npm start` runs it and the `trail` command: tsc's output (dist/src) bundled by esbuild into
// dist/server/ and dist/cli/, with the dependencies inlined. Node loads each module file through its own
// resolve, read and compile (and each ES module through an asynchronous link): @sinclair/typebox alone is 247
// files, drizzle-orm 112, trail's own code 116, and Fastify with its dependencies about 200 more, most of the
// CPU from start to healthy (docs/adr/0008-server-bundle.md). What stays an ordinary import from node_modules
// is listed in NOT_INLINED, with why.
// Each backend's code is a chunk of its own, loaded only when that backend is configured.
//   node scripts/bundle.mjs        (run by `npm run build`, after tsc)
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..')
const SERVER_DIR = join(ROOT, 'dist', 'server')
const CLI_DIR = join(ROOT, 'dist', 'cli')

/**
 * Dependencies left in node_modules: a native binding (better-sqlite3), and what only PostgreSQL loads
 * (pg-native is pg's optional binding, which trail never installs). swagger-ui is inlined and told where its
 * files are (src/http/openapi.ts): from node_modules it loaded its own copy of `yaml`, about 70 files and
 * 60 ms of the start-up, beside the one inlined with @fastify/swagger.
 */
const NOT_INLINED = ['better-sqlite3', 'pg', 'pg-copy-streams', 'pg-native']

/** CommonJS code inlined into an ES module still calls `require` for Node's own modules. */
const requireForCommonJs =
  "import { createRequire as createRequireForCommonJs } from 'node:module'; const require = createRequireForCommonJs(import.meta.url);"

// The CLI for the same reasons: a command starts in about two thirds of the CPU, and holds several MB less
// while it works (a verify or a dump counts every MB).
const bundles = [
  { name: 'server', entry: join(ROOT, 'dist', 'src', 'start.js'), outdir: SERVER_DIR },
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
    external: NOT_INLINED,
    banner: { js: requireForCommonJs },
    sourcemap: true,
    logLevel: 'warning',
  })
}
