// A write and its audit entry are stored together or not at all: with the audit insert made to fail by a
// trigger, every kind of write leaves the database exactly as it was. Runs on PGlite, or on the real server.
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import { openPostgres } from '../backends/postgres.js'
import { noteBody, wholeAuditTrail } from './helpers.js'

const REFUSE_AUDIT = `
  CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit write refused'; END $$;
  CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_audit();`

/** Everything the repositories can show, through the contract. */
async function everything(repos: Repos) {
  const page = { filter: {}, limit: 200 }
  return {
    tasks: (await repos.tasks.list(page)).items,
    bugs: (await repos.bugs.list(page)).items,
    statusUpdates: (await repos.statusUpdates.list(page)).items,
    designNotes: (await repos.designNotes.list({ ...page, order: 'asc' })).items,
    audit: await wholeAuditTrail(repos),
  }
}

t.test('a failing audit insert rolls back every kind of write', async (t) => {
  const { repos, execute } = await openPostgres(t)
  const task = await repos.tasks.create({ title: 'kept', assignees: ['ann'] }, 'ada')
  const bug = await repos.bugs.create({ title: 'attached', severity: 'low', taskId: task.id }, 'ada')
  await repos.statusUpdates.create({ message: 'attached', taskId: task.id }, 'ada')
  const note = await repos.designNotes.create(noteBody('old'), 'ada')
  const before = await everything(repos)

  await execute(REFUSE_AUDIT)
  const writes: [string, () => Promise<unknown>][] = [
    ['task create', () => repos.tasks.create({ title: 'new' }, 'bob')],
    ['task update', () => repos.tasks.update(task.id, { title: 'changed', rationale: 'why' }, 1, 'bob')],
    ['task delete (detaching a bug and a status update)', () => repos.tasks.delete(task.id, 1, 'bob')],
    ['bug create', () => repos.bugs.create({ title: 'new', severity: 'high', taskId: task.id }, 'bob')],
    ['bug update', () => repos.bugs.update(bug.id, { taskId: null, status: 'closed' }, 1, 'bob')],
    ['bug delete', () => repos.bugs.delete(bug.id, 1, 'bob')],
    ['status update create', () => repos.statusUpdates.create({ message: 'new', taskId: task.id }, 'bob')],
    ['design note create', () => repos.designNotes.create(noteBody('new'), 'bob')],
    ['design note supersede', () => repos.designNotes.create(noteBody('newer', note.id), 'bob')],
  ]
  for (const [name, write] of writes) {
    await t.rejects(write(), { message: /audit write refused/ }, `${name} fails`)
    t.same(await everything(repos), before, `${name} leaves everything as it was`)
  }
})
