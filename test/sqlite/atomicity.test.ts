// A failure after the entity is written but while its audit entry is appended must leave neither: the
// change and its audit entries share one transaction.
import t from 'tap'
import { allRows, assertContiguousSeq, openBackend } from './helpers.js'

const NOTE = { title: 'n', context: 'c', decision: 'd', consequences: 'e' }

t.test('a failing audit insert rolls back every kind of write', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  const task = await repos.tasks.create({ title: 'keep me' }, 'ann')
  const bug = await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ann')
  await repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ann')
  const note = await repos.designNotes.create(NOTE, 'ann')
  const before = allRows(sqlite)

  sqlite.exec(
    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
  )
  const writes: Record<string, () => Promise<unknown>> = {
    'task create': () => repos.tasks.create({ title: 'new' }, 'ann'),
    'task update': () => repos.tasks.update(task.id, { title: 'changed' }, 1, 'ann'),
    'task delete': () => repos.tasks.delete(task.id, 1, 'ann'),
    'bug create': () => repos.bugs.create({ title: 'b2', severity: 'low' }, 'ann'),
    'bug update': () => repos.bugs.update(bug.id, { status: 'closed' }, 1, 'ann'),
    'bug delete': () => repos.bugs.delete(bug.id, 1, 'ann'),
    'status update create': () => repos.statusUpdates.create({ message: 'm2' }, 'ann'),
    'design note supersede': () => repos.designNotes.create({ ...NOTE, supersedes: note.id }, 'ann'),
  }
  for (const [name, write] of Object.entries(writes)) {
    // Not a fault of the database: it propagates as itself and becomes a 500.
    await t.rejects(write(), { code: 'SQLITE_CONSTRAINT_TRIGGER' }, `${name} fails`)
    t.same(allRows(sqlite), before, `${name} leaves every table as it was`)
  }

  sqlite.exec('DROP TRIGGER refuse_audit')
  await repos.tasks.update(task.id, { title: 'changed' }, 1, 'ann')
  assertContiguousSeq(t, sqlite)
})

t.test(
  'a task delete whose last audit entry fails keeps the detached bugs and status updates attached',
  async (t) => {
    const { repos, sqlite } = await openBackend(t)
    const task = await repos.tasks.create({ title: 'parent' }, 'ann')
    await repos.bugs.create({ title: 'b', severity: 'low', taskId: task.id }, 'ann')
    await repos.statusUpdates.create({ message: 'm', taskId: task.id }, 'ann')
    const before = allRows(sqlite)

    // The detach entries are appended first; only the task's own delete entry is refused.
    sqlite.exec(`CREATE TRIGGER refuse_delete BEFORE INSERT ON audit_entries WHEN NEW.action = 'delete'
    BEGIN SELECT RAISE(ABORT, 'audit refused'); END`)
    await t.rejects(repos.tasks.delete(task.id, 1, 'ann'), { code: 'SQLITE_CONSTRAINT_TRIGGER' })
    t.same(allRows(sqlite), before)

    sqlite.exec('DROP TRIGGER refuse_delete')
    await repos.tasks.delete(task.id, 1, 'ann')
    t.equal((await repos.bugs.list({ filter: {}, limit: 10 })).items[0]?.taskId, null)
    assertContiguousSeq(t, sqlite)
  },
)
