// The reference's search: the query parsed, each hit cut (title, snippet) and the page made by trail's own
// functions (dist/src/domains/search, dist/src/persistence/search-index.js), so what the two servers compare
// is the database work and the layers around it, not two ways of writing a snippet. Each store runs the SQL
// trail's repository runs, as a prepared statement, and keeps the index in each write's transaction as
// trail's write path does (src/persistence/search-index.ts), so the writes compare the same work too.
import { sameText, searchDocument, toHit } from '../../dist/src/domains/search/documents.js'
import { parseSearch } from '../../dist/src/domains/search/query.js'
import { SEARCH_TYPES } from '../../dist/src/domains/search/schemas.js'
import { offsetPage } from '../../dist/src/persistence/search-index.js'
import { badRequest } from './problems.mjs'
import { toIso } from './rules.mjs'

/** The query's terms as trail parses them; a query without a word is a 400, as in trail. */
export function searchTerms(q) {
  try {
    return parseSearch(q)
  } catch {
    throw badRequest('The search query has no word to look for')
  }
}

export const searchTypes = (types) => (types === undefined ? SEARCH_TYPES : [...new Set(types.split(','))])

/** `limit + 1` rows of search_documents in rank order, after `after` ({ offset }) → a page of hits. */
export function searchPage(rows, terms, limit, after) {
  const hits = rows.map((row) =>
    toHit(
      {
        type: row.entity,
        entityId: row.entity_id,
        createdAt: toIso(row.created_at),
        title: row.title,
        body: row.body,
      },
      terms,
    ),
  )
  return offsetPage(hits, limit, after)
}

/** The search document of a new task or status update (trail's own definition of its title and body). */
export const documentOf = (table, row) => searchDocument({ table, row })

/** The document of an updated task, or undefined when its indexed text did not change (trail writes nothing). */
export function changedDocument(table, before, after) {
  const doc = documentOf(table, after)
  return sameText(documentOf(table, before), doc) ? undefined : doc
}
