// build(t, backend): an app on fresh repositories of that backend, closed when the test ends.
import type { Writable } from 'node:stream'
import type { Test } from 'tap'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import type { Repos } from '../src/persistence/contract.js'
import type { TestBackend } from './backends/types.js'

export interface BuildOptions {
  repos?: Repos
  /** Configuration variables on top of the defaults (rate limits off). */
  env?: Record<string, string>
  /** Where the app's log goes, at trace level; silent without it. */
  log?: Writable
  /** The time authentication judges tokens by (their expiry, and when a remembered one is read again). */
  clock?: () => number
}

export async function build(t: Test, backend: TestBackend, options: BuildOptions = {}) {
  const repos = options.repos ?? (await backend.open(t))
  const config = loadConfig({
    PERSISTENCE: backend.name,
    DATABASE_URL: 'postgres://repositories-injected-by-test',
    LOG_LEVEL: options.log ? 'trace' : 'silent',
    // A suite sends thousands of requests from one address; the limits have tests of their own.
    RATE_LIMIT_MAX: '0',
    ...options.env,
  })
  const app = await buildApp(config, {
    repos,
    ...(options.log ? { logStream: options.log } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

export type TestApp = Awaited<ReturnType<typeof build>>
