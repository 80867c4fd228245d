import type { Test } from 'tap'
import type { Repos } from '../../src/persistence/contract.js'

/** A backend the suites run against: `open` gives fresh, empty repositories, closed when `t` ends. */
export interface TestBackend {
  name: 'memory' | 'sqlite' | 'postgres'
  open(t: Test): Promise<Repos>
}
