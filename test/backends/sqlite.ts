import { join } from 'node:path'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import type { TestBackend } from './types.js'

/** A fresh database file (not :memory:, so WAL and the file-level pragmas are what runs) per open. */
export const sqlite: TestBackend = {
  name: 'sqlite',
  async open(t) {
    const repos = await openSqliteRepos({ path: join(t.testdir(), 'trail.db'), synchronous: 'NORMAL' })
    t.teardown(() => repos.close())
    return repos
  },
}
