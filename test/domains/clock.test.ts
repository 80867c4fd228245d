// Every backend takes its write time from the one clock it is given (never before the newest audit entry).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import t, { type Test } from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { createPostgresRepos, migratePglite } from '../../src/persistence/postgres/index.js'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'

const T0 = Date.parse('2030-01-01T00:00:00.000Z')

async function openAll(t: Test, clock: () => number): Promise<Repos[]> {
  const dir = mkdtempSync(join(tmpdir(), 'trail-clock-'))
  const sqlite = await openSqliteRepos({ path: join(dir, 'trail.db'), synchronous: 'NORMAL', clock })
  const pglite = new PGlite()
  await migratePglite(drizzle(pglite))
  const postgres = createPostgresRepos(drizzle(pglite), { close: () => pglite.close(), clock })
  t.teardown(async () => {
    await sqlite.close()
    await postgres.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return [createMemoryRepos({ clock }), sqlite, postgres]
}

t.test('writes are stamped with the injected clock, and never go back before the newest entry', async (t) => {
  let now = T0
  for (const repos of await openAll(t, () => now)) {
    now = T0
    const task = await repos.tasks.create({ title: 'a' }, 'ada')
    t.equal(task.createdAt, '2030-01-01T00:00:00.000Z', repos.kind)
    now = T0 - 60_000
    const updated = await repos.tasks.update(task.id, { title: 'b' }, 1, 'ada')
    t.equal(updated.updatedAt, '2030-01-01T00:00:00.000Z', `${repos.kind}: the clock stepped back`)
    now = T0 + 1000
    await repos.tasks.delete(task.id, 2, 'ada')
    const [deleted] = (await repos.audit.list({ filter: { action: 'delete' }, limit: 1 })).items
    t.equal(deleted?.at, '2030-01-01T00:00:01.000Z', repos.kind)
  }
})
