// Rows move between memory and PostgreSQL unchanged, byte for byte. What every backend's load does (into an
// empty database, refusing one with data, writing nothing when a row fails) is in test/dump/load.test.ts.
import t from 'tap'
import { isSearchable } from '../../src/domains/search/documents.js'
import { createMemoryRepos } from '../../src/persistence/memory/index.js'
import { openPglite, openPostgres } from '../backends/postgres.js'
import { fromArray, snapshotRows } from '../dump/helpers.js'
import { seedRepos } from '../fixtures.js'

// A server loads through COPY, PGlite through INSERTs (src/persistence/postgres/dump.ts): with a server named,
// both paths run here.
for (const [name, open] of [
  ['PostgreSQL', openPostgres],
  ['PGlite', openPglite],
] as const) {
  t.test(`the same rows move between memory and ${name} unchanged`, async (t) => {
    const memory = createMemoryRepos()
    await seedRepos(memory)
    const fromMemory = await snapshotRows(memory)
    const { repos } = await open(t)
    t.teardown(() => repos.close())
    await repos.dump.load(fromArray(fromMemory))
    const fromPostgres = await snapshotRows(repos)
    t.equal(
      JSON.stringify(fromPostgres),
      JSON.stringify(fromMemory),
      'the same row lines, byte for byte (key order included)',
    )
  })
}

/** Every index and constraint of the schema, as PostgreSQL would write it again. */
const SCHEMA_OBJECTS = `
  select indexdef as definition from pg_indexes where schemaname = current_schema()
  union all
  select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
  where connamespace = current_schema()::regnamespace
  order by 1`

// The load sets aside foreign keys and secondary indexes while it writes and builds them again at its end.
for (const [name, open] of [
  ['PostgreSQL', openPostgres],
  ['PGlite', openPglite],
] as const) {
  t.test(
    `a load on ${name} leaves every index and foreign key as it found them, loaded or rolled back`,
    async (t) => {
      const memory = createMemoryRepos()
      await seedRepos(memory)
      const rows = await snapshotRows(memory)
      const { repos, query } = await open(t)
      t.teardown(() => repos.close())
      const before = await query(SCHEMA_OBJECTS)
      t.ok(before.length > 20, 'the schema has its indexes and constraints')
      const [first] = rows
      await t.rejects(
        repos.dump.load(fromArray([...rows, { ...(first as (typeof rows)[number]) }])),
        'a load whose last row repeats the first fails',
      )
      t.same(await query(SCHEMA_OBJECTS), before, 'after a failed load')
      await repos.dump.load(fromArray(rows))
      t.same(await query(SCHEMA_OBJECTS), before, 'after a load')
    },
  )
}

// The search index is not in a dump: the load builds each searchable row's document. Over COPY the documents wait
// in a temporary table and get their vectors in steps while the next batches are read, and the rest at the end;
// here over three batches of them, so both the steps and the end run.
for (const [name, open] of [
  ['PostgreSQL', openPostgres],
  ['PGlite', openPglite],
] as const) {
  t.test(`a load on ${name} gives every searchable row its document and vector`, async (t) => {
    const memory = createMemoryRepos()
    for (let n = 0; n < 4_500; n++) await memory.statusUpdates.create({ message: `update ${n}` }, 'ann')
    await seedRepos(memory)
    const rows = await snapshotRows(memory)
    const { repos, query } = await open(t)
    t.teardown(() => repos.close())
    await repos.dump.load(fromArray(rows))
    const searchable = rows.filter(isSearchable).length
    t.same(
      await query(`
        select count(*)::int as documents,
          count(*) filter (where document = setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', body), 'B'))::int as vectored
        from search_documents`),
      [{ documents: searchable, vectored: searchable }],
      `all ${searchable} documents, each with the vector of its title and body`,
    )
  })
}
