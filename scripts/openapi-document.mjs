// The OpenAPI document without a running server (the app built from src on the memory backend, the way
// `npm start` runs it), and the TypeScript types openapi-typescript generates from it. Used by
// scripts/openapi.mjs (the test client's types) and scripts/ui.mjs (the web interface's API client).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = join(import.meta.dirname, '..')

export const TYPES_HEADER =
  '// Generated from /openapi.json by `npm run openapi:types` (scripts/openapi.mjs). Do not edit.\n'

/** Compiles src (incremental: quick when nothing changed) and returns the app's /openapi.json. */
export async function openapiDocument() {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  if (build.status !== 0)
    throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`)
  const { buildApp } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'app.js')).href)
  const { loadConfig } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'config.js')).href)
  const app = await buildApp(loadConfig({ PERSISTENCE: 'memory', LOG_LEVEL: 'silent' }))
  await app.ready()
  const document = app.swagger()
  await app.close()
  return document
}

/** openapi-typescript's `paths`, `components` and `operations` for the document. */
export async function clientTypes(document) {
  const { default: openapiTS, astToString } = await import('openapi-typescript')
  return `${astToString(await openapiTS(document))}`
}
