// build(t, backend): an app on fresh repositories of that backend, closed when the test ends.
import type { Test } from 'tap'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import type { Repos } from '../src/persistence/contract.js'
import type { TestBackend } from './backends/types.js'

export async function build(t: Test, backend: TestBackend, options: { repos?: Repos } = {}) {
  const repos = options.repos ?? (await backend.open(t))
  const app = await buildApp(
    loadConfig({
      PERSISTENCE: backend.name,
      DATABASE_URL: 'postgres://repositories-injected-by-test',
      LOG_LEVEL: 'silent',
    }),
    {
      repos,
    },
  )
  t.teardown(() => app.close())
  await app.ready()
  return app
}

export type TestApp = Awaited<ReturnType<typeof build>>
