// Search on SQLite: an FTS5 index (`search_index`, porter stemming over unicode61) whose content is the
// `search_documents` table (external content: the index stores only its posting lists, the text is read from
// that table for hits). See docs/adr/0004-search-indexes.md for the choice and its measurements.
import type { Database } from 'better-sqlite3'
import { type Placeholder, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { OffsetKey, Page } from '../../core/paging.js'
import type { SearchDocument } from '../../domains/search/documents.js'
import { toHit } from '../../domains/search/documents.js'
import { parseSearch, toFts5Match } from '../../domains/search/query.js'
import type { SearchHit, SearchType } from '../../domains/search/schemas.js'
import type { SearchRequest } from '../contract.js'
import { type IndexChange, offsetPage } from '../search-index.js'
import { toEpochMs, toIso } from './rows.js'

/** The column weights of bm25(): a title match counts ten times a body match (as on the other backends). */
const RANK = 'bm25(search_index, 10.0, 1.0)'

/** The `q` condition of a list: the row's id is among the ids of `entity` matching `match` (FTS5). */
export const matchingIds = (id: SQLiteColumn, entity: SearchType, match: Placeholder) =>
  sql`${id} IN (SELECT d.entity_id FROM search_index JOIN search_documents d ON d.doc_id = search_index.rowid
   WHERE search_index MATCH ${match} AND d.entity = ${entity})`

/** The list filter's `q`, as the FTS5 expression the statement binds; null when nothing can match. */
export const listMatch = (q: string | undefined) =>
  q === undefined ? undefined : toFts5Match(parseSearch(q))

/** Adds a document to `search_documents` (not yet to the index); its row id, which the index keys it by. */
export function documentInserter(sqlite: Database): (doc: SearchDocument) => number | bigint {
  const insertDoc = sqlite.prepare(
    'INSERT INTO search_documents (entity, entity_id, created_at, title, body) VALUES (?, ?, ?, ?, ?)',
  )
  return (doc) =>
    insertDoc.run(doc.type, doc.entityId, toEpochMs(doc.createdAt), doc.title, doc.body).lastInsertRowid
}

/** Builds the index over every document at once (a load's end), instead of one document at a time. */
export const rebuildSearchIndex = (sqlite: Database) =>
  sqlite.exec("INSERT INTO search_index (search_index) VALUES ('rebuild')")

/** Applies the write path's index changes on the write's connection, inside its transaction. */
export function searchIndexWriter(sqlite: Database) {
  const find = sqlite.prepare<[string], { docId: number; title: string; body: string }>(
    'SELECT doc_id AS docId, title, body FROM search_documents WHERE entity_id = ?',
  )
  const insertDoc = documentInserter(sqlite)
  const updateDoc = sqlite.prepare('UPDATE search_documents SET title = ?, body = ? WHERE doc_id = ?')
  const deleteDoc = sqlite.prepare('DELETE FROM search_documents WHERE doc_id = ?')
  const indexInsert = sqlite.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)')
  // An external-content index forgets a row only when told the text it indexed.
  const indexDelete = sqlite.prepare(
    "INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', ?, ?, ?)",
  )
  const put = (doc: SearchDocument) => {
    const old = find.get(doc.entityId)
    if (old === undefined) {
      indexInsert.run(insertDoc(doc), doc.title, doc.body)
      return
    }
    indexDelete.run(old.docId, old.title, old.body)
    updateDoc.run(doc.title, doc.body, old.docId)
    indexInsert.run(old.docId, doc.title, doc.body)
  }
  return (change: IndexChange) => {
    if (change.op === 'put') return put(change.doc)
    const old = find.get(change.entityId)
    if (old === undefined) return
    indexDelete.run(old.docId, old.title, old.body)
    deleteDoc.run(old.docId)
  }
}

interface HitRow {
  entity: SearchType
  entityId: string
  createdAt: number
  title: string
  body: string
}

export function createSqliteSearch(sqlite: Database) {
  // `LIMIT +:limit` so that binding the limit does not prepare the statement again: see limitParameter (store.ts).
  const statement = sqlite.prepare<{ match: string; types: string; limit: number; offset: number }, HitRow>(
    `SELECT d.entity, d.entity_id AS entityId, d.created_at AS createdAt, d.title, d.body
     FROM search_index JOIN search_documents d ON d.doc_id = search_index.rowid
     WHERE search_index MATCH :match AND d.entity IN (SELECT value FROM json_each(:types))
     ORDER BY ${RANK}, d.created_at DESC, d.entity_id DESC
     LIMIT +:limit OFFSET :offset`,
  )
  return {
    async search({ q, types, limit, after }: SearchRequest): Promise<Page<SearchHit, OffsetKey>> {
      const terms = parseSearch(q)
      const match = toFts5Match(terms)
      if (match === null) return { items: [], next: null }
      const rows = statement.all({
        match,
        types: JSON.stringify(types),
        limit: limit + 1,
        offset: after?.offset ?? 0,
      })
      const hits = rows.map((row) =>
        toHit(
          {
            type: row.entity,
            entityId: row.entityId,
            createdAt: toIso(row.createdAt),
            title: row.title,
            body: row.body,
          },
          terms,
        ),
      )
      return offsetPage(hits, limit, after)
    },
  }
}
