// Export and import at the repository level: rows read in canonical order from a snapshot load into an empty
// database unchanged, superseded notes included (their links point forward, at notes loaded after them).
import t from 'tap'
import type { DumpRow, Repos } from '../../src/persistence/contract.js'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { openPostgres } from '../backends/postgres.js'
import { noteBody } from './helpers.js'

async function fill(repos: Repos) {
  const task = await repos.tasks.create({ title: 'home', assignees: ['ann'], rationale: 'why' }, 'ada')
  await repos.tasks.update(task.id, { status: 'done', rationale: 'shipped' }, 1, 'bob')
  for (let i = 0; i < 7; i++) {
    await repos.bugs.create(
      { title: `bug ${i}`, severity: 'low', taskId: task.id, reproSteps: ['a', 'b'] },
      'ada',
    )
    await repos.statusUpdates.create({ message: `update ${i}`, taskId: i % 2 ? task.id : null }, 'cy')
  }
  const first = await repos.designNotes.create(noteBody('first'), 'ada')
  const second = await repos.designNotes.create(noteBody('second', first.id), 'ada')
  await repos.designNotes.create(noteBody('third', second.id), 'ada')
}

async function exportRows(repos: Repos, batchSize?: number) {
  return repos.dump.snapshot(async (snapshot) => {
    const rows: DumpRow[] = []
    for await (const row of snapshot.rows(batchSize)) rows.push(row)
    return { counts: await snapshot.counts(), rows }
  })
}

async function* streamOf(rows: DumpRow[]) {
  yield* rows
}

t.test('a dump read in small batches loads into an empty database unchanged', async (t) => {
  const { repos: source } = await openPostgres(t)
  await fill(source)
  const exported = await exportRows(source, 3)
  t.same(exported.counts, {
    tasks: 1,
    bugs: 7,
    status_updates: 7,
    design_notes: 3,
    audit_entries: 21,
    api_tokens: 0,
  })
  t.same((await exportRows(source)).rows, exported.rows, 'the batch size does not change the rows')

  const { repos: target } = await openPostgres(t)
  await target.dump.load(streamOf(exported.rows))
  t.same((await exportRows(target)).rows, exported.rows)
  const next = await target.tasks.create({ title: 'after import' }, 'ada')
  const [entry] = (await target.audit.list({ filter: { entityId: next.id }, limit: 1 })).items
  t.equal(entry?.seq, 22, 'the audit trail continues where the dump ends')
})

t.test('the same rows move between memory and PostgreSQL unchanged', async (t) => {
  const memory = createMemoryRepos()
  await fill(memory)
  const fromMemory = await exportRows(memory)
  const { repos } = await openPostgres(t)
  await repos.dump.load(streamOf(fromMemory.rows))
  const fromPostgres = await exportRows(repos)
  t.equal(
    JSON.stringify(fromPostgres.rows),
    JSON.stringify(fromMemory.rows),
    'the same row lines, byte for byte (key order included)',
  )
})

t.test('a load into a database with rows, or with a bad row, writes nothing', async (t) => {
  const { repos: source } = await openPostgres(t)
  await fill(source)
  const { rows } = await exportRows(source)
  await t.rejects(source.dump.load(streamOf(rows)), { message: 'the target database is not empty' })

  const { repos: target } = await openPostgres(t)
  const bugs = rows.filter((r) => r.table === 'bugs')
  const dangling = rows.filter((r) => r.table !== 'tasks')
  await t.rejects(target.dump.load(streamOf(dangling)), {
    message: /^the database refused the operation \(23503: .*foreign key/,
  })
  await t.rejects(target.dump.load(streamOf([...rows.slice(0, 1), ...bugs, ...bugs])), {
    message: /^the database refused the operation \(23505: /,
  })
  t.same((await exportRows(target)).rows, [], 'nothing was written')
})
