// The database restarts under a running service: while it is down every call is a 503 (the process survives
// connections dying in the pool and mid-transaction); once it is back, the same repositories work again.
// Runs on a private throwaway cluster, never the shared server; opt in with TEST_DATABASE_URL as for the other
// real-server tests.
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import t from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import { openPostgresRepos } from '../../src/persistence/postgres/index.js'
import { AUDIT_APPEND_LOCK } from '../../src/persistence/postgres/locks.js'
import { SCHEMA_VERSION } from '../../src/persistence/schema-version.js'
import { eventually } from '../eventually.js'
import { assertContiguousSeq, wholeAuditTrail } from '../fixtures.js'
import { privateClusterUnavailable, startPrivateCluster } from './cluster.js'
import { realServer } from './helpers.js'

const unavailable = { code: 'SERVICE_UNAVAILABLE', status: 503, headers: { 'retry-after': '1' } }

const optedIn = realServer(t) !== undefined
const whyNot = optedIn ? privateClusterUnavailable() : undefined
if (whyNot !== undefined) t.pass(whyNot)
else if (optedIn) {
  t.test(
    'requests are answered with 503 while the database is down, and succeed once it is back',
    async (t) => {
      const cluster = await startPrivateCluster(t)
      const repos: Repos = await openPostgresRepos({ url: cluster.url, poolSize: 4 })
      t.teardown(() => repos.close())
      const task = await repos.tasks.create({ title: 'survives' }, 'ada')
      // Fill the pool with idle connections, which the shutdown will kill.
      await Promise.all(Array.from({ length: 4 }, () => repos.tasks.get(task.id)))

      // A write waiting inside its transaction (on the audit lock, held here) when the server goes down.
      const holder = new pg.Client({ connectionString: cluster.url })
      holder.on('error', () => {})
      await holder.connect()
      t.teardown(() => holder.end().catch(() => {}))
      await drizzle(holder).execute(sql`select pg_advisory_lock(${AUDIT_APPEND_LOCK})`)
      const inFlight = repos.tasks.create({ title: 'in flight' }, 'ada')
      inFlight.catch(() => {})
      await eventually(async () => {
        const { rows } = await holder.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory'`,
        )
        return rows[0].n === 1
      }, 'the write to wait on the lock')

      await cluster.stop()
      await t.rejects(inFlight, unavailable, 'the write in flight fails with 503')
      await t.rejects(repos.tasks.get(task.id), unavailable, 'reads fail with 503')
      await t.rejects(repos.tasks.create({ title: 'while down' }, 'ada'), unavailable, 'writes fail with 503')
      await t.rejects(repos.health(), unavailable, 'health fails with 503')
      const failure = await repos.tasks.get(task.id).then(
        () => new Error('resolved'),
        (e: Error) => e,
      )
      t.notMatch(
        failure.message,
        /127\.0\.0\.1|:\d{4,5}|select|postgres:/i,
        'the message names no host or SQL',
      )

      await cluster.start()
      // The server takes a moment to accept connections: until then health fails, which means not yet.
      await eventually(
        () =>
          repos.health().then(
            (health) => health.schemaVersion === SCHEMA_VERSION,
            () => false,
          ),
        'health to answer again',
        { intervalMs: 100 },
      )
      t.same(await repos.tasks.get(task.id), task, 'reads work again on the same pool')
      const after = await repos.tasks.create({ title: 'after restart' }, 'ada')
      t.equal((await repos.tasks.update(after.id, { status: 'done' }, 1, 'ada')).version, 2)
      const audit = await wholeAuditTrail(repos)
      t.same(
        audit.map((e) => e.entityId),
        [after.id, after.id, task.id],
        'the failed writes left nothing; the trail continues',
      )
      assertContiguousSeq(t, audit)
    },
  )
}
