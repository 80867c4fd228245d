// Writes asked for in one turn of the event loop share one transaction (store.ts, group commit), each in a
// savepoint of its own (that each fails alone is in the repository contract, test/contract/atomicity.ts);
// should SQLite end the shared transaction itself, none of them is kept.
import Database from 'better-sqlite3'
import t from 'tap'
import { createStore } from '../../src/persistence/sqlite/store.js'
import { countRows, dbPath } from './helpers.js'

t.test('a write that ends the shared transaction: none of its turn is kept', async (t) => {
  const sqlite = new Database(dbPath(t))
  t.teardown(() => sqlite.close())
  sqlite.exec('CREATE TABLE kept (n INTEGER)')
  const store = createStore(sqlite, 1000)
  const insert = sqlite.prepare('INSERT INTO kept (n) VALUES (?)')

  const results = await Promise.allSettled([
    store.write(() => insert.run(1)),
    store.write(() => {
      // What SQLite does itself on some faults (an I/O error, a full disk): the whole transaction ends.
      sqlite.exec('ROLLBACK')
      throw new Error('the transaction ended')
    }),
    store.write(() => insert.run(3)),
  ])
  t.same(
    results.map((result) => result.status),
    ['rejected', 'rejected', 'rejected'],
    'every write of the turn fails',
  )
  t.equal(countRows(sqlite, 'kept'), 0, 'and none is kept')
  t.notOk(sqlite.inTransaction)

  await store.write(() => insert.run(4))
  t.equal(countRows(sqlite, 'kept'), 1, 'the next write commits')
})
