// SQLite: every documented list runs on an index (EXPLAIN QUERY PLAN), never a scan of the whole table, and
// in the index's order (no sort). The plan is what SQLite picks without statistics, as on a fresh database.
import t from 'tap'
import { openBackend } from '../sqlite/helpers.js'
import { PLAN_CASES } from './cases.js'

t.test('every list filter and order is served by its index', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  // The repositories prepare a list statement on first use: catch its SQL.
  const prepared: string[] = []
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    prepared.push(source)
    return prepare(source)
  }) as typeof sqlite.prepare
  const sqlOf = async (list: () => Promise<unknown>) => {
    prepared.length = 0
    await list()
    const [select] = prepared.filter((source) => /^select/i.test(source))
    if (select === undefined) throw new Error('the list prepared no new statement')
    return select
  }
  const planOf = (source: string) => {
    const parameters = (source.match(/\?/g) ?? []).map(() => null)
    return (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n')
  }

  for (const { name, table, index, list } of PLAN_CASES) {
    const plan = planOf(await sqlOf(() => list(repos)))
    for (const each of [index].flat()) {
      t.match(
        plan,
        new RegExp(`(SEARCH|SCAN) ${table} USING (COVERING )?INDEX ${each}\\b`),
        `${name}: ${each}`,
      )
    }
    t.notMatch(plan, new RegExp(`SCAN ${table}$`, 'm'), `${name}: no full scan`)
    t.notMatch(plan, /TEMP B-TREE/, `${name}: no sort`)
  }
})
