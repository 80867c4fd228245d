import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import type { TestBackend } from './types.js'

/**
 * A fresh database file (not :memory:, so WAL and the file-level pragmas are what runs) per open, in a
 * folder of its own: a test may open several, and t.testdir() is one folder per test that it would empty.
 */
export const sqlite: TestBackend = {
  name: 'sqlite',
  async open(t) {
    const dir = mkdtempSync(join(tmpdir(), 'trail-test-'))
    const repos = await openSqliteRepos({ path: join(dir, 'trail.db'), synchronous: 'NORMAL' })
    t.teardown(async () => {
      await repos.close()
      rmSync(dir, { recursive: true, force: true })
    })
    return repos
  },
}
