// Loading a dump at the repository level, on every backend: rows read from a snapshot load into an empty
// database unchanged and writing continues where they end; a database that has rows is refused; and a load
// whose rows or source fail partway writes nothing and leaves the database ready for a good load.
// (Through files and the CLI: round-trip, hostile and limits in this folder; SQLite locks and kill -9:
// test/sqlite/dump.test.ts.)
import t, { type Test } from 'tap'
import type { DumpRow, Repos } from '../../src/persistence/contract.js'
import { backends, type TestBackend } from '../backends/index.js'
import type { BackendHooks } from '../backends/types.js'
import { assertContiguousSeq, noteBody, seedRepos, wholeAuditTrail } from '../fixtures.js'
import { collect, failingAfter, fromArray, listedRows, snapshotRows } from './helpers.js'

type BackendName = TestBackend['name']

/** Every backend refuses a database with rows in the same words, naming the tables that have them. */
const NOT_EMPTY =
  /^the target database is not empty \(status_updates, audit_entries have rows\): import only into a new database$/

/** One task with a long run of bugs and status updates, and a chain of three design notes. */
async function fillOneTask(repos: Repos) {
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

/** Asserts that no table holds a row. */
async function assertEmpty(t: Test, hooks: BackendHooks) {
  const stored = await hooks.rawRows()
  t.same(
    Object.keys(stored).filter((table) => (stored[table] ?? []).length > 0),
    [],
    'every table is empty',
  )
}

/** Ways a load can fail partway, each with the error each backend gives for it. */
function failures(rows: DumpRow[]): [string, () => AsyncIterable<DumpRow>, Record<BackendName, RegExp>][] {
  const tasks = rows.filter((row) => row.table === 'tasks')
  const bugs = rows.filter((row) => row.table === 'bugs')
  const notes = rows.filter((row) => row.table === 'design_notes')
  const unknown = { table: 'nope', row: { id: 'x' } } as unknown as DumpRow
  const everywhere = (error: RegExp) => ({ memory: error, sqlite: error, postgres: error })
  return [
    [
      'the source throws after most rows',
      () => failingAfter(rows, rows.length - 3),
      everywhere(/the dump file went away/),
    ],
    ['the source throws at once', () => failingAfter(rows, 0), everywhere(/the dump file went away/)],
    [
      'a duplicate task id',
      () => fromArray([...tasks, tasks[0] as DumpRow]),
      {
        memory: /^Cannot load tasks row .*: duplicate id$/,
        sqlite: new RegExp(`Cannot load tasks row ${tasks[0]?.row.id}: UNIQUE constraint failed: tasks.id`),
        postgres: /^the database refused the operation \(23505: /,
      },
    ],
    [
      'bugs twice',
      () => fromArray([...rows.slice(0, 1), ...bugs, ...bugs]),
      {
        memory: /^Cannot load bugs row .*: duplicate id$/,
        sqlite: /Cannot load bugs row .*: UNIQUE constraint failed: bugs.id/,
        postgres: /^the database refused the operation \(23505: /,
      },
    ],
    [
      'bugs and status updates naming missing tasks',
      () => fromArray(rows.filter((row) => row.table !== 'tasks')),
      {
        memory:
          /reference\(s\) to missing rows \(the first: a (bugs|status_updates) row pointing into tasks\); nothing was loaded/,
        sqlite:
          /reference\(s\) to missing rows \(the first: a (bugs|status_updates) row pointing into tasks\); nothing was loaded/,
        postgres: /^the database refused the operation \(23503: .*foreign key/,
      },
    ],
    [
      'a note superseded by a missing note',
      // The oldest note, superseded by the second, without the second.
      () => fromArray(notes.slice(0, 1)),
      {
        memory:
          /1 reference\(s\) to missing rows \(the first: a design_notes row pointing into design_notes\)/,
        sqlite:
          /1 reference\(s\) to missing rows \(the first: a design_notes row pointing into design_notes\)/,
        postgres: /^the database refused the operation \(23503: .*foreign key/,
      },
    ],
    ['an unknown table', () => fromArray([unknown]), everywhere(/Unknown table "nope"/)],
    [
      'an unknown table after good rows',
      () => fromArray([...tasks, unknown]),
      everywhere(/Unknown table "nope"/),
    ],
  ]
}

for (const backend of backends) {
  t.test(`${backend.name}: loading a dump`, async (t) => {
    t.test('a dump read in small batches loads into an empty database unchanged', async (t) => {
      const source = await backend.open(t)
      await fillOneTask(source)
      const exported = await source.dump.snapshot(async (snapshot) => ({
        counts: await snapshot.counts(),
        rows: await collect(snapshot.rows(3)),
      }))
      t.same(exported.counts, {
        tasks: 1,
        bugs: 7,
        status_updates: 7,
        design_notes: 3,
        audit_entries: 21,
        api_tokens: 0,
        webhooks: 0,
      })
      t.same(await snapshotRows(source), exported.rows, 'the batch size does not change the rows')

      const target = await backend.open(t)
      await target.dump.load(fromArray(exported.rows))
      t.same(await snapshotRows(target), exported.rows)
      const next = await target.tasks.create({ title: 'after import' }, 'ada')
      const [entry] = (await target.audit.list({ filter: { entityId: next.id }, limit: 1 })).items
      t.equal(entry?.seq, 22, 'the audit trail continues where the dump ends')
    })

    t.test('load reproduces every row exactly, and writing continues where the rows end', async (t) => {
      const source = await backend.openWithHooks(t)
      const { kept } = await seedRepos(source.repos)
      const target = await backend.openWithHooks(t)

      // Streamed straight from one database into the other.
      await source.repos.dump.snapshot((snapshot) => target.repos.dump.load(snapshot.rows(3)))
      t.same(await snapshotRows(target.repos), await snapshotRows(source.repos), 'the same rows')
      t.same(
        await target.hooks.rawRows(),
        await source.hooks.rawRows(),
        'the same stored values, column by column',
      )
      t.same(
        await listedRows(target.repos),
        await listedRows(source.repos),
        'the repositories answer the same',
      )

      const last = (await wholeAuditTrail(source.repos)).length
      const task = await target.repos.tasks.create({ title: 'after the import' }, 'dee')
      const updated = await target.repos.tasks.update(kept.id, { status: 'done' }, 2, 'dee')
      t.equal(updated.version, 3, 'versions continue')
      const [update, create] = (await target.repos.audit.list({ filter: {}, limit: 2 })).items
      t.match(
        create,
        { seq: last + 1, entityId: task.id, action: 'create' },
        'the next audit entry is last + 1',
      )
      t.match(update, { seq: last + 2, entityId: kept.id, action: 'update' })
      assertContiguousSeq(t, await wholeAuditTrail(target.repos))

      const notes = (
        await target.repos.designNotes.list({ filter: { state: 'active' }, limit: 10, order: 'asc' })
      ).items
      const superseded = (
        await target.repos.designNotes.list({ filter: { state: 'superseded' }, limit: 10, order: 'asc' })
      ).items
      await target.repos.designNotes.create(noteBody('n', notes[0]?.id), 'dee')
      await t.rejects(
        target.repos.designNotes.create(noteBody('n', superseded[0]?.id), 'dee'),
        { code: 'ALREADY_SUPERSEDED' },
        'loaded supersessions hold',
      )
    })

    t.test('load refuses a database that has data, and changes nothing', async (t) => {
      const source = await backend.openWithHooks(t)
      await seedRepos(source.repos)
      const rows = await snapshotRows(source.repos)
      const target = await backend.openWithHooks(t)
      await target.repos.statusUpdates.create({ message: 'already here' }, 'ann')
      const before = await target.hooks.rawRows()
      await t.rejects(target.repos.dump.load(fromArray(rows)), NOT_EMPTY)
      t.same(await target.hooks.rawRows(), before)
      const sourceBefore = await source.hooks.rawRows()
      await t.rejects(source.repos.dump.load(fromArray(rows)), /not empty/, 'not even its own rows')
      await t.rejects(source.repos.dump.load(fromArray([])), /not empty/, 'even with no rows to load')
      t.same(await source.hooks.rawRows(), sourceBefore)
    })

    t.test('load writes nothing when its rows fail partway, and the database stays usable', async (t) => {
      const source = await backend.openWithHooks(t)
      await seedRepos(source.repos)
      const rows = await snapshotRows(source.repos)
      for (const [name, failing, errors] of failures(rows)) {
        t.test(name, async (t) => {
          const target = await backend.openWithHooks(t)
          await t.rejects(target.repos.dump.load(failing()), errors[backend.name], 'the load fails')
          await assertEmpty(t, target.hooks)
          await t.resolves(target.repos.dump.load(fromArray(rows)), 'a good load then goes through')
          t.same(await snapshotRows(target.repos), rows, 'and stores exactly its rows')
        })
      }
    })
  })
}
