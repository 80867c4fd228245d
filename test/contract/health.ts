// The repository contract, health: the schema version the repositories report.
import t from 'tap'
import type { TestBackend } from '../backends/types.js'

export function healthContract(backend: TestBackend) {
  t.test(`${backend.name}: health`, async (t) => {
    const repos = await backend.open(t)
    const health = await repos.health()
    t.ok(Number.isInteger(health.schemaVersion) && health.schemaVersion >= 1)
  })
}
