// Search on PostgreSQL: a weighted tsvector per document (`english` configuration: Snowball stemming, stop
// words dropped) behind a GIN index, queried with websearch_to_tsquery. The query text is rebuilt from the
// parsed terms (src/domains/search/query.ts), so websearch_to_tsquery only ever sees words and quoted phrases.
import { and, desc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { OffsetKey, Page } from '../../core/paging.js'
import { type SearchDocument, toHit } from '../../domains/search/documents.js'
import { parseSearch, toWebsearch } from '../../domains/search/query.js'
import type { SearchHit, SearchType } from '../../domains/search/schemas.js'
import type { SearchRequest } from '../contract.js'
import { type IndexChange, offsetPage } from '../search-index.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { toEpochMs, toIso } from './rows.js'
import { fixedStatement } from './statements.js'
import { searchDocuments } from './tables.js'

/** The document's vector: title words weigh A, body words B. The migration's back-fill builds the same. */
export const vectorOf = (doc: Record<'title' | 'body', string | Placeholder | SQL>) =>
  sql`setweight(to_tsvector('english', ${doc.title}), 'A') || setweight(to_tsvector('english', ${doc.body}), 'B')`

/** ts_rank's weights {D, C, B, A}: a title match counts ten times a body match (as on the other backends). */
const rankOf = (query: SQL) => sql`ts_rank('{0.1, 0.1, 0.1, 1.0}', ${searchDocuments.document}, ${query})`

const tsquery = (text: string | Placeholder) => sql`websearch_to_tsquery('english', ${text})`

/** A document as a row of search_documents, but for its vector, which only the server builds (`vectorOf`). */
export const documentValues = (doc: SearchDocument) => ({
  entityId: doc.entityId,
  entity: doc.type,
  createdAt: toEpochMs(doc.createdAt),
  title: doc.title,
  body: doc.body,
})

/** Applies the write path's index changes inside the write's transaction; the upsert is a prepared statement. */
export function createIndexWriter(db: PostgresDatabase) {
  const text = { title: sql.placeholder('title'), body: sql.placeholder('body') }
  const upsert = fixedStatement(
    'trail_search_document_upsert',
    db
      .insert(searchDocuments)
      .values({
        entityId: sql.placeholder('entityId'),
        entity: sql.placeholder('entity'),
        createdAt: sql.placeholder('createdAt'),
        ...text,
        document: vectorOf(text),
      })
      // The row proposed for insertion (`excluded`), so its vector is computed once.
      .onConflictDoUpdate({
        target: searchDocuments.entityId,
        set: {
          title: sql`excluded.title`,
          body: sql`excluded.body`,
          document: sql`excluded.document`,
        },
      }),
  )
  return async (tx: PostgresDatabase, change: IndexChange): Promise<void> => {
    if (change.op === 'remove') {
      await tx.delete(searchDocuments).where(eq(searchDocuments.entityId, change.entityId))
      return
    }
    const { doc } = change
    await upsert(tx, documentValues(doc))
  }
}

/** The list filter's `q`: undefined for no filter, null when nothing can match, else the condition on `id`. */
export function listMatch(id: PgColumn, entity: SearchType, q: string | undefined): SQL | null | undefined {
  if (q === undefined) return undefined
  const text = toWebsearch(parseSearch(q))
  if (text === null) return null
  return sql`${id} in (select ${searchDocuments.entityId} from ${searchDocuments} where ${searchDocuments.entity} = ${entity} and ${searchDocuments.document} @@ ${tsquery(text)})`
}

/**
 * The search, prepared once per connection (a named statement: no parse or plan per request). The query is a
 * sub-select, computed once per execution: written inline, the plan PostgreSQL caches for a prepared statement
 * would parse the query text again for every row it rechecks and ranks (3× the time for a common word).
 */
const query = sql`(select ${tsquery(sql.placeholder('text'))})`

export function createPostgresSearch(db: PostgresDatabase) {
  const statement = db
    .select({
      entity: searchDocuments.entity,
      entityId: searchDocuments.entityId,
      createdAt: searchDocuments.createdAt,
      title: searchDocuments.title,
      body: searchDocuments.body,
    })
    .from(searchDocuments)
    .where(
      and(
        sql`${searchDocuments.document} @@ ${query}`,
        sql`${searchDocuments.entity} = any(${sql.placeholder('types')}::text[])`,
      ),
    )
    .orderBy(desc(rankOf(query)), desc(searchDocuments.createdAt), desc(searchDocuments.entityId))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('trail_search')
  return {
    search: ({ q, types, limit, after }: SearchRequest): Promise<Page<SearchHit, OffsetKey>> =>
      withRetries(async () => {
        const terms = parseSearch(q)
        const text = toWebsearch(terms)
        if (text === null) return { items: [], next: null }
        const rows = await statement.execute({ text, types, limit: limit + 1, offset: after?.offset ?? 0 })
        const hits = rows.map((row) =>
          toHit({ ...row, type: row.entity as SearchType, createdAt: toIso(row.createdAt) }, terms),
        )
        return offsetPage(hits, limit, after)
      }),
  }
}
