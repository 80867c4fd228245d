// Writes asked for in one turn of the event loop share one transaction (store.ts, group commit), each in a
// savepoint of its own: one that fails is undone and fails alone, the others commit with their audit entries
// in one unbroken chain; and should SQLite end the shared transaction itself, none of them is kept.
import Database from 'better-sqlite3'
import t from 'tap'
import { createStore } from '../../src/persistence/sqlite/store.js'
import { verifyChain } from '../fixtures.js'
import { assertContiguousSeq, countRows, dbPath, openBackend } from './helpers.js'

const MISSING_TASK = '01900000-0000-7000-8000-000000000000'

t.test('writes of one turn: each succeeds or fails on its own', async (t) => {
  const { repos, sqlite } = await openBackend(t)
  const task = await repos.tasks.create({ title: 'first' }, 'ann')

  const [created, stale, second, fresh, missing] = await Promise.allSettled([
    repos.tasks.create({ title: 'a' }, 'ann'),
    repos.tasks.update(task.id, { title: 'stale' }, 7, 'bob'),
    repos.tasks.create({ title: 'b' }, 'ann'),
    repos.tasks.update(task.id, { title: 'fresh' }, 1, 'bob'),
    repos.tasks.update(MISSING_TASK, { title: 'nobody' }, 1, 'bob'),
  ])
  t.match(created, { status: 'fulfilled', value: { title: 'a', version: 1 } })
  t.match(stale, { status: 'rejected', reason: { code: 'VERSION_MISMATCH' } })
  t.match(second, { status: 'fulfilled', value: { title: 'b' } })
  t.match(fresh, { status: 'fulfilled', value: { title: 'fresh', version: 2 } })
  t.match(missing, { status: 'rejected', reason: { code: 'NOT_FOUND' } })

  t.equal(countRows(sqlite, 'tasks'), 3, 'the two creates kept, nothing of the failures')
  t.equal(countRows(sqlite, 'audit_entries'), 4, 'one entry per write that succeeded')
  assertContiguousSeq(t, sqlite)
  t.same(await verifyChain(repos), { count: 4, failure: undefined }, 'in one unbroken chain')
  t.match(await repos.tasks.get(task.id), { title: 'fresh', version: 2 })
})

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
