// PostgreSQL: every documented list runs on its index (EXPLAIN), in the index's order, never a sequential scan
// of the table. With a handful of rows the planner would rightly scan and sort, so scans, bitmap scans and sorts
// are priced out (enable_seqscan, enable_bitmapscan, enable_sort = off): the plan then shows whether an index
// can serve the filter and the order at all, as at a million rows. Runs on PGlite, the same planner. Also the
// plan search keeps for its prepared statement (below).
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import t, { type Test } from 'tap'
import { createPostgresRepos, migratePglite } from '../../src/persistence/postgres/index.js'
import { PLAN_CASES } from './cases.js'

/** Repositories on a migrated PGlite database, with every statement they run logged in `queries`. */
async function loggedRepos(t: Test) {
  const client = new PGlite()
  t.teardown(() => client.close())
  await migratePglite(drizzle(client))
  const queries: { sql: string; params: unknown[] }[] = []
  const db = drizzle(client, {
    logger: { logQuery: (sql, params) => void queries.push({ sql, params }) },
  })
  return { client, queries, repos: createPostgresRepos(db, { close: async () => {} }) }
}

t.test('every list filter and order is served by its index', async (t) => {
  const { client, queries, repos } = await loggedRepos(t)
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

// Search is prepared once per connection, so after a few runs PostgreSQL executes the plan it cached for any
// query text (a generic plan). That plan must still find the documents through the GIN index, and must compute
// the query once (a sub-select: an InitPlan), not again in every row's recheck and rank.
t.test(
  'the search statement uses the GIN index and computes the query once, in its cached plan',
  async (t) => {
    const { client, queries, repos } = await loggedRepos(t)
    await repos.search.search({ q: 'importing "the record"', types: ['task', 'bug'], limit: 20 })
    const [query] = queries.filter((q) => /^select/i.test(q.sql))
    if (query === undefined) throw new Error('no search query ran')
    await client.exec(`SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan;
    PREPARE search_plan AS ${query.sql}`)
    // EXPLAIN takes no bound parameters: the values go in as literals (a generic plan does not look at them).
    const literal = (value: unknown): string =>
      Array.isArray(value)
        ? `ARRAY[${value.map(literal).join(', ')}]`
        : typeof value === 'number'
          ? String(value)
          : `'${String(value).replaceAll("'", "''")}'`
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE search_plan(${query.params.map(literal).join(', ')})`,
    )
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
    t.match(plan, /Bitmap Index Scan on search_documents_document_idx/, 'the GIN index finds the documents')
    t.notMatch(plan, /(Recheck Cond|Sort Key|Filter):.*websearch_to_tsquery/, 'no per-row parse of the query')
  },
)
