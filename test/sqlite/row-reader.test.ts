// `rowReader`: a Drizzle-built SELECT run on better-sqlite3's own statement gives the rows Drizzle's prepared
// statement gives (keyed by field, placeholders bound by name, constants kept), and refuses a selection whose
// values Drizzle would convert, where skipping its mapping would hand out different values.
import Database from 'better-sqlite3'
import { asc, eq, getTableColumns, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import t from 'tap'
import { rowReader } from '../../src/persistence/sqlite/store.js'

const notes = sqliteTable('notes', {
  id: integer('id').primaryKey(),
  authorName: text('author_name').notNull(),
  body: text('body'),
  meta: text('meta', { mode: 'json' }),
  at: integer('at', { mode: 'timestamp_ms' }),
})
const { id, authorName, body } = getTableColumns(notes)
const plain = { id, authorName, body }

function open() {
  const sqlite = new Database(':memory:')
  sqlite.exec(
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, author_name TEXT NOT NULL, body TEXT, meta TEXT, at INTEGER)',
  )
  const insert = sqlite.prepare('INSERT INTO notes (author_name, body) VALUES (?, ?)')
  for (const [author, text] of [
    ['ada', 'first'],
    ['bob', null],
    ['ada', 'third'],
    ['ada', 'fourth'],
  ])
    insert.run(author, text)
  return { sqlite, db: drizzle({ client: sqlite }) }
}

t.test('reads the rows Drizzle reads, by named placeholders and with constants kept', async (t) => {
  const { sqlite, db } = open()
  t.teardown(() => sqlite.close())
  const query = () =>
    db
      .select(plain)
      .from(notes)
      .where(eq(notes.authorName, sql.placeholder('author')))
      .orderBy(asc(notes.id))
      .limit(2)
  const reader = rowReader(sqlite, plain, query())
  const drizzleRows = query().prepare().all({ author: 'ada' })
  t.same(reader.all({ author: 'ada' }), drizzleRows)
  t.same(reader.all({ author: 'ada' }), [
    { id: 1, authorName: 'ada', body: 'first' },
    { id: 3, authorName: 'ada', body: 'third' },
  ])
  t.same(reader.get({ author: 'bob' }), { id: 2, authorName: 'bob', body: null }, 'a NULL stays null')
  t.equal(reader.get({ author: 'cy' }), undefined, 'no row: undefined')
  t.same(reader.all({ author: 'cy' }), [])
})

t.test('an unmapped SQL expression is read as the driver gives it', async (t) => {
  const { sqlite, db } = open()
  t.teardown(() => sqlite.close())
  const fields = { authorName, count: sql<number>`count(*)` }
  const reader = rowReader(sqlite, fields, db.select(fields).from(notes).groupBy(notes.authorName))
  t.same(reader.all(), [
    { authorName: 'ada', count: 3 },
    { authorName: 'bob', count: 1 },
  ])
})

t.test('refuses a selection Drizzle would convert', async (t) => {
  const { sqlite, db } = open()
  t.teardown(() => sqlite.close())
  for (const [name, field] of [
    ['meta', notes.meta],
    ['at', notes.at],
    ['count', sql`count(*)`.mapWith(Number)],
  ] as const) {
    const fields = { id, [name]: field }
    t.throws(
      () => rowReader(sqlite, fields, db.select(fields).from(notes)),
      { message: `rowReader: ${name} is not read as it is stored; prepare it with Drizzle` },
      name,
    )
  }
})
