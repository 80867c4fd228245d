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

/** A bound parameter as a literal: EXPLAIN EXECUTE takes no bound parameters (a generic plan ignores them). */
const literal = (value: unknown): string =>
  Array.isArray(value)
    ? `ARRAY[${value.map(literal).join(', ')}]`
    : typeof value === 'number'
      ? String(value)
      : `'${String(value).replaceAll("'", "''")}'`

/** The plan PostgreSQL caches for `query` as a prepared statement, the same for any values. */
async function genericPlan(client: PGlite, name: string, query: { sql: string; params: unknown[] }) {
  await client.exec(`SET plan_cache_mode = force_generic_plan; PREPARE ${name} AS ${query.sql}`)
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN EXECUTE ${name}(${query.params.map(literal).join(', ')})`,
  )
  await client.exec(`DEALLOCATE ${name}; RESET plan_cache_mode`)
  return rows.map((row) => row['QUERY PLAN']).join('\n')
}

// Lists are prepared once per shape (which filters a request sets) and run by name, so the plan PostgreSQL caches
// for any values (a generic plan) must be served by the index too; a text query (`q`) is planned per request.
t.test('every list filter and order is served by its index, also in its cached plan', async (t) => {
  const { client, queries, repos } = await loggedRepos(t)
  await client.exec('SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off')

  for (const [number, { name, table, index, list }] of PLAN_CASES.entries()) {
    queries.length = 0
    await list(repos)
    const [query] = queries.filter((q) => /^select/i.test(q.sql))
    if (query === undefined) throw new Error(`${name}: no query ran`)
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params)
    const plans = [['', rows.map((row) => row['QUERY PLAN']).join('\n')]]
    if (!query.sql.includes('websearch_to_tsquery'))
      plans.push([' (cached plan)', await genericPlan(client, `list_plan_${number}`, query)])
    for (const [which, full] of plans) {
      // The subplan reading each task's assignees sorts its few rows by position; the list itself must not sort.
      const plan = (full as string).split(/\n\s*SubPlan/)[0] as string
      for (const each of [index].flat()) {
        t.match(
          plan,
          new RegExp(`Index (Only )?Scan( Backward)? using ${each} on ${table}\\b`),
          `${name}${which}: ${each}`,
        )
      }
      t.notMatch(plan, new RegExp(`Seq Scan on ${table}\\b`), `${name}${which}: no sequential scan`)
      t.notMatch(plan, /\bSort\b/, `${name}${which}: no sort`)
    }
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
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE search_plan(${query.params.map(literal).join(', ')})`,
    )
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
    t.match(plan, /Bitmap Index Scan on search_documents_document_idx/, 'the GIN index finds the documents')
    t.notMatch(plan, /(Recheck Cond|Sort Key|Filter):.*websearch_to_tsquery/, 'no per-row parse of the query')
  },
)
