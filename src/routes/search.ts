// /search: full-text search over tasks, bugs, status updates and design notes, best matches first. Each
// backend keeps its own index (docs/adr/0004-search-indexes.md); all of them find the same hits.
import { SEARCH_TYPES, SearchHit, SearchQuery, type SearchType } from '../domains/search/schemas.js'
import { decodeOffsetCursor } from '../http/cursor.js'
import { listRoute, resource, resourcePlugin } from '../http/resource.js'

const searchHit = resource({ path: '/search', noun: 'Search hit', entity: SearchHit })

export default resourcePlugin('search', async (app) => {
  const repo = app.repos.search
  app.route(
    listRoute(searchHit, {
      summary: 'Search titles, rationale, repro steps, messages and design-note bodies (with stemming)',
      access: 'viewer',
      querystring: SearchQuery,
      list: ({ q, types, limit, cursor }) =>
        repo.search({
          q,
          types: types === undefined ? SEARCH_TYPES : ([...new Set(types.split(','))] as SearchType[]),
          limit,
          after: decodeOffsetCursor(cursor),
        }),
    }),
  )
})
