// A dump load through COPY … FROM STDIN (pg-copy-streams) on a node-postgres connection held for the load: the
// load's transaction runs on it, so each COPY belongs to that transaction and rolls back with it. One COPY per
// batch and table, in PostgreSQL's text format. PGlite has no COPY FROM STDIN through this stream: there, the
// load sends multi-row INSERTs (dump.ts). pool.ts, the only place with a node-postgres pool, offers this path.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { bigint, type PgTable, pgTable, text } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { PostgresDatabase } from './database.js'
import { type BatchWriter, batchRows } from './dump-batches.js'
import { vectorOf } from './search.js'
import { searchDocuments } from './tables.js'

/** Writes `rows` (records keyed by Drizzle field names) into `table` with one COPY. */
export type CopyRows = (table: PgTable, rows: readonly Record<string, unknown>[]) => Promise<void>

/** A connection of the pool held for one load: Drizzle over it, and COPY on it. */
export interface CopyConnection {
  db: PostgresDatabase
  copyRows: CopyRows
  release(): void
}

/** COPY's text format: backslash, newline, carriage return and tab escaped; NULL is `\N`. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const SPECIAL = /[\\\n\r\t]/
const SPECIALS = /[\\\n\r\t]/g

function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  const text = String(value)
  return SPECIAL.test(text) ? text.replace(SPECIALS, (char) => ESCAPES[char] ?? char) : text
}

/** The COPY statement and line encoder for one table, over all its columns in declaration order. */
function copyPlan(table: PgTable) {
  const columns = Object.entries(getTableColumns(table))
  const statement = `copy ${pg.escapeIdentifier(getTableName(table))} (${columns
    .map(([, column]) => pg.escapeIdentifier(column.name))
    .join(', ')}) from stdin`
  const line = (row: Record<string, unknown>) =>
    `${columns
      .map(([key, column]) => {
        const value = row[key]
        return field(value === null || value === undefined ? value : column.mapToDriverValue(value))
      })
      .join('\t')}\n`
  return { statement, line }
}

function copyInto(client: pg.PoolClient): CopyRows {
  const plans = new Map<PgTable, ReturnType<typeof copyPlan>>()
  return async (table, rows) => {
    if (rows.length === 0) return
    let plan = plans.get(table)
    if (plan === undefined) {
      plan = copyPlan(table)
      plans.set(table, plan)
    }
    const { statement, line } = plan
    await pipeline(Readable.from([rows.map(line).join('')]), client.query(copyFrom(statement)))
  }
}

/** How a load takes a connection of `pool` of its own, for COPY; `db.transaction` on it stays on it. */
export function copyConnections(pool: pg.Pool): () => Promise<CopyConnection> {
  return async () => {
    const client = await pool.connect()
    return { db: drizzle(client), copyRows: copyInto(client), release: () => client.release() }
  }
}

/**
 * Search documents waiting for their vectors, which COPY cannot compute: a temporary table, dropped at commit,
 * whose rows move into search_documents batch by batch (dump.ts). Not a migrated table.
 */
export const searchLoad = pgTable('trail_search_load', {
  entityId: text('entity_id').notNull(),
  entity: text('entity').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
})
export const createSearchLoad = sql`create temporary table ${searchLoad} (entity_id text not null, entity text not null, created_at bigint not null, title text not null, body text not null) on commit drop`

/** Rows per COPY on load: each COPY is one round trip, its text held in memory while it is sent. */
const COPY_BATCH_SIZE = 2_000

/**
 * COPY cannot compute a document's vector: a batch's documents go to `searchLoad` and on into search_documents
 * by one INSERT … SELECT, which builds the vectors on the server while the next batch is read.
 */
export function copyWriter(copyRows: CopyRows): BatchWriter {
  const moveDocuments = sql`insert into ${searchDocuments} (entity_id, entity, created_at, title, body, document) select entity_id, entity, created_at, title, body, ${vectorOf({ title: sql`${searchLoad.title}`, body: sql`${searchLoad.body}` })} from ${searchLoad}`
  return {
    batchSize: COPY_BATCH_SIZE,
    async write(tx, entry, values) {
      const { rows, documents, companions } = batchRows(entry, values)
      await copyRows(entry.table, rows)
      if (entry.companion !== undefined) await copyRows(entry.companion.table, companions)
      if (documents.length === 0) return
      await copyRows(
        searchLoad,
        documents.map(({ document: _, ...text }) => text),
      )
      await tx.execute(moveDocuments)
      await tx.execute(sql`truncate ${searchLoad}`)
    },
    finish: async () => {},
  }
}
