// The repository contract, search: the same hits on every backend (stemming, several words, phrases, stop
// words), paging, the lists' `q` filter, and an index that commits and rolls back with its rows.
import t from 'tap'
import { SEARCH_TYPES } from '../../src/domains/search/schemas.js'
import type { Repos, SearchRequest } from '../../src/persistence/contract.js'
import type { TestBackend } from '../backends/types.js'
import { noteBody, PAGE, rejectsWith } from '../fixtures.js'

const ALL = { types: SEARCH_TYPES, limit: 50 }

/** The ids found for `q`, sorted (ranking may differ by backend; the set may not). */
async function found(repos: Repos, q: string, request: Partial<SearchRequest> = {}) {
  const page = await repos.search.search({ ...ALL, q, ...request })
  return page.items.map((hit) => hit.id).sort()
}

async function seed(repos: Repos) {
  const importer = await repos.tasks.create(
    { title: 'Import the legacy tickets', rationale: 'The importer must keep every comment' },
    'ada',
  )
  const export_ = await repos.tasks.create(
    { title: 'Export to CSV', rationale: 'Finance asked for it' },
    'ada',
  )
  const bug = await repos.bugs.create(
    {
      title: 'Crash when importing',
      severity: 'high',
      reproSteps: ['Open the importer', 'Pick a large file'],
    },
    'bob',
  )
  const update = await repos.statusUpdates.create(
    { message: 'Imported 300 tickets from the old tracker' },
    'bob',
  )
  const note = await repos.designNotes.create(
    {
      title: 'Store data in SQLite',
      context: 'We need a database that runs everywhere.',
      decision: 'Store the data in one SQLite file.',
      consequences: 'Backups are a file copy.',
    },
    'ada',
  )
  return { importer, export_, bug, update, note }
}

export function searchContract(backend: TestBackend) {
  t.test(`${backend.name}: search`, async (t) => {
    t.test('stems words, needs every word, matches phrases, ignores stop words', async (t) => {
      const repos = await backend.open(t)
      const { importer, bug, update, note } = await seed(repos)
      t.same(
        await found(repos, 'importing'),
        [importer.id, bug.id, update.id].sort(),
        'importing finds import',
      )
      t.same(await found(repos, 'import'), [importer.id, bug.id, update.id].sort())
      t.same(await found(repos, 'importer crash'), [bug.id], 'every word must match')
      t.same(await found(repos, 'legacy tickets'), [importer.id])
      t.same(await found(repos, '"legacy tickets"'), [importer.id], 'a phrase')
      t.same(await found(repos, '"tickets legacy"'), [], 'a phrase keeps its order')
      t.same(await found(repos, '"sqlite file"'), [note.id])
      t.same(await found(repos, 'the SQLite'), [note.id], 'stop words are left out')
      t.same(await found(repos, 'the'), [], 'only stop words: nothing')
      t.same(await found(repos, 'nothing-like-this'), [], 'no match: an empty page')
      t.same(await found(repos, 'SQLITE -database'), [note.id], 'operators are only separators')
      t.same(await found(repos, 'import', { types: ['bug'] }), [bug.id], 'types narrow the search')
    })

    t.test('a hit carries type, title, snippet and creation time', async (t) => {
      const repos = await backend.open(t)
      const { update, note } = await seed(repos)
      const [hit] = (await repos.search.search({ ...ALL, q: 'backups' })).items
      t.same(hit, {
        type: 'design_note',
        id: note.id,
        title: 'Store data in SQLite',
        snippet: '…Store the data in one SQLite file. Backups are a file copy.',
        createdAt: note.createdAt,
      })
      const [message] = (await repos.search.search({ ...ALL, q: 'tracker' })).items
      t.match(message, { type: 'status_update', id: update.id, title: update.message })
    })

    t.test('the title ranks above the body', async (t) => {
      const repos = await backend.open(t)
      const inBody = await repos.tasks.create({ title: 'Unrelated', rationale: 'about the parser' }, 'ada')
      const inTitle = await repos.tasks.create({ title: 'Parser rewrite' }, 'ada')
      const hits = (await repos.search.search({ ...ALL, q: 'parser' })).items.map((hit) => hit.id)
      t.same(hits, [inTitle.id, inBody.id])
    })

    t.test('pages with the cursor, every hit once', async (t) => {
      const repos = await backend.open(t)
      const ids: string[] = []
      for (let i = 0; i < 7; i++)
        ids.push((await repos.statusUpdates.create({ message: `deploy ${i}` }, 'ada')).id)
      const seen: string[] = []
      let after: { offset: number } | undefined
      do {
        const page = await repos.search.search({ ...ALL, q: 'deploying', limit: 3, after })
        seen.push(...page.items.map((hit) => hit.id))
        after = page.next ?? undefined
      } while (after !== undefined)
      t.same(seen.sort(), ids.sort())
    })

    t.test('changes, deletes and status moves keep the index in step', async (t) => {
      const repos = await backend.open(t)
      const { importer, bug, note } = await seed(repos)
      await repos.tasks.update(importer.id, { title: 'Migrate the old tickets' }, 1, 'ada')
      t.same(await found(repos, 'legacy'), [], 'the old title is gone')
      t.same(await found(repos, 'migrate'), [importer.id])
      await repos.tasks.update(importer.id, { rationale: 'Keep attachments too' }, 2, 'ada')
      t.same(await found(repos, 'attachment'), [importer.id], 'a new rationale entry is indexed')
      await repos.bugs.delete(bug.id, 1, 'ada')
      t.same(await found(repos, 'crash'), [], 'delete removes the entry')
      await repos.tasks.delete(importer.id, 3, 'ada')
      t.same(await found(repos, 'migrate'), [])
      await repos.designNotes.update(note.id, { status: 'deprecated' }, 1, 'ada')
      t.same(await found(repos, 'sqlite'), [note.id], 'a status move keeps the note findable')
    })

    t.test('a failed write leaves no index entry', async (t) => {
      const { repos, hooks } = await backend.openWithHooks(t)
      const task = await repos.tasks.create({ title: 'kept title' }, 'ada')
      await hooks.refuseAuditWrites()
      await t.rejects(repos.tasks.create({ title: 'phantom' }, 'ada'), hooks.auditRefusal)
      await t.rejects(repos.tasks.update(task.id, { title: 'ghost' }, 1, 'ada'), hooks.auditRefusal)
      await t.rejects(repos.tasks.delete(task.id, 1, 'ada'), hooks.auditRefusal)
      await hooks.allowAuditWrites()
      t.same(await found(repos, 'phantom'), [])
      t.same(await found(repos, 'ghost'), [])
      t.same(await found(repos, 'kept'), [task.id])
    })

    t.test('q filters the four lists, keeping their order and paging', async (t) => {
      const repos = await backend.open(t)
      const { importer, export_, bug, update, note } = await seed(repos)
      const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id)
      t.same(ids(await repos.tasks.list({ filter: { q: 'importing' }, ...PAGE })), [importer.id])
      t.same(ids(await repos.tasks.list({ filter: { q: 'csv', status: 'todo' }, ...PAGE })), [export_.id])
      t.same(ids(await repos.tasks.list({ filter: { q: 'csv', status: 'done' }, ...PAGE })), [])
      t.same(ids(await repos.bugs.list({ filter: { q: 'large file' }, ...PAGE })), [bug.id])
      t.same(ids(await repos.statusUpdates.list({ filter: { q: 'tracker' }, ...PAGE })), [update.id])
      t.same(ids(await repos.designNotes.list({ filter: { q: 'sqlite' }, order: 'asc', ...PAGE })), [note.id])
      t.same(ids(await repos.designNotes.list({ filter: { q: 'the' }, order: 'asc', ...PAGE })), [])
      const more = await repos.tasks.create({ title: 'Import users' }, 'ada')
      const first = await repos.tasks.list({ filter: { q: 'import' }, limit: 1 })
      t.same(ids(first), [more.id])
      const second = await repos.tasks.list({
        filter: { q: 'import' },
        limit: 1,
        after: first.next ?? undefined,
      })
      t.same(ids(second), [importer.id])
      t.equal(second.next, null)
    })

    t.test('a query without a word is refused', async (t) => {
      const repos = await backend.open(t)
      await rejectsWith(t, repos.search.search({ ...ALL, q: '"" -- !!' }), 'VALIDATION_FAILED')
      await rejectsWith(t, repos.tasks.list({ filter: { q: '***' }, ...PAGE }), 'VALIDATION_FAILED')
    })

    t.test('superseding keeps both notes findable', async (t) => {
      const repos = await backend.open(t)
      const old = await repos.designNotes.create(noteBody('Queue in Redis'), 'ada')
      const next = await repos.designNotes.create(noteBody('Queue in PostgreSQL', old.id), 'ada')
      t.same(await found(repos, 'queue'), [old.id, next.id].sort())
    })
  })
}
