// The repository contract, health: the schema version the repositories report.
import t, { type Test } from 'tap'
import type { TestBackend } from '../backends/types.js'

export function healthContract(backend: TestBackend) {
  const open = (t: Test) => backend.open(t)

  t.test(`${backend.name}: health`, async (t) => {
    const repos = await open(t)
    const health = await repos.health()
    t.ok(Number.isInteger(health.schemaVersion) && health.schemaVersion >= 1)
  })
}
