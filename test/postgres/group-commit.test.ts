// Writes that wait for the audit lock together share one transaction on PostgreSQL (group commit, ADR 0011).
// That each write of a batch succeeds or fails on its own is in the repository contract; this is what only a
// real server shows: a batch whose connection is cut in the middle fails every write of it with a 503 and
// keeps none of them, not even those that ran before the cut, and the next write commits after them.
import t from 'tap'
import { openPostgres } from '../backends/postgres.js'
import { eventually } from '../eventually.js'
import { verifyChain, wholeAuditTrail } from '../fixtures.js'
import { realServer } from './helpers.js'

const adminUrl = realServer(t)

if (adminUrl !== undefined) {
  t.test('a batch whose connection is cut: every write of it is a 503, none is kept', async (t) => {
    // A scratch database on the real server (realServer above), with a raw SQL line beside the repositories.
    const { repos, execute, query } = await openPostgres(t)
    // A task titled "slow" holds its batch inside the database until the test cuts that batch's connection.
    await execute(`
      CREATE FUNCTION hold_slow_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = 'slow' THEN PERFORM pg_sleep(60); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER hold_slow_task BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION hold_slow_task()`)
    const kept = await repos.tasks.create({ title: 'kept' }, 'ada')

    // Asked for in one turn, so one batch: two writes that succeed in their savepoints, then the held one.
    const writes = Promise.allSettled([
      repos.tasks.create({ title: 'before the cut' }, 'ada'),
      repos.tasks.update(kept.id, { title: 'changed before the cut' }, 1, 'ada'),
      repos.tasks.create({ title: 'slow' }, 'ada'),
      repos.tasks.create({ title: 'after it in the batch' }, 'ada'),
    ])
    let held: number | undefined
    await eventually(async () => {
      const [row] = (await query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
      )) as { pid: number }[]
      held = row?.pid
      return held !== undefined
    }, 'the held batch')
    await query(`SELECT pg_terminate_backend(${Number(held)})`)

    t.same(
      (await writes).map((result) => result.status === 'rejected' && result.reason.code),
      ['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
      'every write of the batch is a 503',
    )
    t.same(
      (await repos.tasks.list({ filter: {}, limit: 10 })).items.map((task) => [task.title, task.version]),
      [['kept', 1]],
      'none of the batch is kept, not even what ran before the cut',
    )
    t.equal((await wholeAuditTrail(repos)).length, 1, 'nor any of its audit entries')

    const next = await repos.tasks.create({ title: 'next' }, 'ada')
    t.equal(next.title, 'next', 'the next write commits')
    t.same(await verifyChain(repos), { count: 2, failure: undefined }, 'after the kept one, in one chain')
  })
}
