// PostgreSQL: every documented list runs on its index (EXPLAIN), in the index's order, never a sequential scan
// of the table. With a handful of rows the planner would rightly scan and sort, so scans, bitmap scans and sorts
// are priced out (enable_seqscan, enable_bitmapscan, enable_sort = off): the plan then shows whether an index
// can serve the filter and the order at all, as at a million rows. Runs on PGlite, the same planner.
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import t from 'tap'
import { createPostgresRepos, migratePglite } from '../../src/persistence/postgres/index.js'
import { PLAN_CASES } from './cases.js'

t.test('every list filter and order is served by its index', async (t) => {
  const client = new PGlite()
  t.teardown(() => client.close())
  await migratePglite(drizzle(client))
  const queries: { sql: string; params: unknown[] }[] = []
  const db = drizzle(client, {
    logger: { logQuery: (sql, params) => void queries.push({ sql, params }) },
  })
  const repos = createPostgresRepos(db, { close: async () => {} })
  await client.exec('SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off')

  for (const { name, table, index, list } of PLAN_CASES) {
    queries.length = 0
    await list(repos)
    const [query] = queries.filter((q) => /^select/i.test(q.sql))
    if (query === undefined) throw new Error(`${name}: no query ran`)
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params)
    // The subplan reading each task's assignees sorts its few rows by position; the list itself must not sort.
    const plan = rows
      .map((row) => row['QUERY PLAN'])
      .join('\n')
      .split(/\n\s*SubPlan/)[0] as string
    for (const each of [index].flat()) {
      t.match(
        plan,
        new RegExp(`Index (Only )?Scan( Backward)? using ${each} on ${table}\\b`),
        `${name}: ${each}`,
      )
    }
    t.notMatch(plan, new RegExp(`Seq Scan on ${table}\\b`), `${name}: no sequential scan`)
    t.notMatch(plan, /\bSort\b/, `${name}: no sort`)
  }
})
