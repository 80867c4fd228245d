// The on-disk size of trail's search index beside the table it indexes, read from a seeded database: what the
// search feature costs in storage. Bytes of pages (SQLite: the dbstat table) or relations (PostgreSQL).
import Database from 'better-sqlite3'
import pg from 'pg'

/**
 * SQLite: the tasks table with its indexes; search_documents (the FTS5 index's external content) with its
 * index; and the FTS5 index proper, its shadow tables (search_index_data, _idx, _docsize, _config).
 */
export function sqliteStorage(path) {
  const db = new Database(path, { readonly: true })
  try {
    const bytesOf = (where) =>
      db
        .prepare(
          `SELECT coalesce(sum(s.pgsize), 0) FROM dbstat s JOIN sqlite_master m ON m.name = s.name WHERE ${where}`,
        )
        .pluck()
        .get()
    return {
      tasks: bytesOf("m.tbl_name = 'tasks'"),
      searchDocuments: bytesOf("m.tbl_name = 'search_documents'"),
      searchIndex: bytesOf("m.tbl_name LIKE 'search\\_index\\_%' ESCAPE '\\'"),
    }
  } finally {
    db.close()
  }
}

/**
 * PostgreSQL: the tasks table with its indexes and TOAST; search_documents likewise (its GIN index on the
 * tsvector counted apart as searchIndex, and inside searchDocuments' total).
 */
export async function postgresStorage(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT pg_total_relation_size('tasks') AS tasks,
              pg_total_relation_size('search_documents') AS "searchDocuments",
              pg_relation_size('search_documents_document_idx') AS "searchIndex"`,
    )
    return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]))
  } finally {
    await client.end()
  }
}
