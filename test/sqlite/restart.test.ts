import { existsSync, statSync } from 'node:fs'
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { openSqliteRepos } from '../../src/persistence/sqlite/index.js'
import { noteBody } from '../fixtures.js'
import { dbPath } from './helpers.js'

const open = (path: string) => openSqliteRepos({ path, synchronous: 'FULL' })

/** Everything the repositories can show, through the contract. */
async function everything(repos: Repos) {
  const page = { filter: {}, limit: 200 }
  return {
    tasks: await repos.tasks.list(page),
    bugs: await repos.bugs.list(page),
    statusUpdates: await repos.statusUpdates.list(page),
    designNotes: await repos.designNotes.list({ ...page, order: 'asc' }),
    audit: await repos.audit.list(page),
  }
}

t.test('data written before a close is all there after reopening the file', async (t) => {
  const path = dbPath(t)
  const first = await open(path)
  const task = await first.tasks.create(
    { title: 'persist', assignees: ['ann', 'bo'], rationale: 'why' },
    'ann',
  )
  await first.tasks.update(task.id, { status: 'in_progress', rationale: 'started' }, 1, 'bo')
  const bug = await first.bugs.create(
    { title: 'crash', severity: 'high', taskId: task.id, reproSteps: ['a'] },
    'ann',
  )
  await first.statusUpdates.create({ message: 'on it', taskId: task.id }, 'bo')
  const note = await first.designNotes.create(noteBody('n'), 'ann')
  await first.designNotes.create(noteBody('n2', note.id), 'ann')
  const before = await everything(first)
  await first.close()
  t.ok(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0, 'the WAL is folded in on close')

  const second = await open(path)
  t.teardown(() => second.close())
  t.same(await everything(second), before)
  t.same(await second.bugs.get(bug.id), before.bugs.items[0])
  t.same((await second.health()).schemaVersion, SCHEMA_VERSION)

  const next = await second.tasks.create({ title: 'after restart' }, 'ann')
  const [entry] = (await second.audit.list({ filter: { entityId: next.id }, limit: 1 })).items
  t.equal(entry?.seq, before.audit.items.length + 1, 'the audit trail continues where it stopped')
})
