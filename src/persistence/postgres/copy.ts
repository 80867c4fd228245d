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
import { type BatchWriter, rowParts } from './dump-batches.js'
import { vectorOf } from './search.js'
import { searchDocuments } from './tables.js'

/** Sends a table's rows as `copyText` made them with one COPY. */
export type SendCopy = (text: CopyText) => Promise<void>

/** A connection of the pool held for one load: Drizzle over it, and COPY on it. */
export interface CopyConnection {
  db: PostgresDatabase
  sendCopy: SendCopy
  release(): void
}

/** COPY's text format: backslash, newline, carriage return and tab escaped; NULL is `\N`. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const SPECIAL = /[\\\n\r\t]/
const SPECIALS = /[\\\n\r\t]/g

function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  // Numbers and booleans hold no character COPY escapes.
  if (typeof value !== 'string') return String(value)
  return SPECIAL.test(value) ? value.replace(SPECIALS, (char) => ESCAPES[char] ?? char) : value
}

/**
 * Characters of COPY text turned into bytes at once. A batch's text as one string was a rope of thousands of
 * pieces, and flattening it for Buffer.from took a tenth of an import's CPU; in a micro-benchmark of rows of
 * ids and short texts, pieces of 64 Ki characters cost a third of that, and less than pieces of 16 Ki or
 * 256 Ki.
 */
const PIECE_LENGTH = 64 * 1024

/**
 * Rows of one table as COPY text, encoded as each is added: a dump load adds each row as it is read, so the
 * row's objects die young and a batch waiting for its COPY holds bytes, not rows.
 */
export interface CopyText {
  statement: string
  /** Adds a record keyed by Drizzle field names. */
  add(row: Record<string, unknown>): void
  /** The text so far, as bytes. */
  pieces(): Buffer[]
}

/** COPY text over all the columns of `table` in declaration order. */
function copyText(table: PgTable): CopyText {
  const columns = Object.entries(getTableColumns(table))
  const statement = `copy ${pg.escapeIdentifier(getTableName(table))} (${columns
    .map(([, column]) => pg.escapeIdentifier(column.name))
    .join(', ')}) from stdin`
  const pieces: Buffer[] = []
  let text = ''
  return {
    statement,
    add(row) {
      let separator = ''
      for (const [key, column] of columns) {
        const value = row[key]
        text +=
          separator + field(value === null || value === undefined ? value : column.mapToDriverValue(value))
        separator = '\t'
      }
      text += '\n'
      if (text.length >= PIECE_LENGTH) {
        pieces.push(Buffer.from(text))
        text = ''
      }
    },
    pieces() {
      if (text !== '') pieces.push(Buffer.from(text))
      text = ''
      return pieces
    },
  }
}

function copyInto(client: pg.PoolClient): SendCopy {
  return async (text) => {
    const pieces = text.pieces()
    if (pieces.length === 0) return
    await pipeline(Readable.from(pieces), client.query(copyFrom(text.statement)))
  }
}

/** How a load takes a connection of `pool` of its own, for COPY; `db.transaction` on it stays on it. */
export function copyConnections(pool: pg.Pool): () => Promise<CopyConnection> {
  return async () => {
    const client = await pool.connect()
    return { db: drizzle(client), sendCopy: copyInto(client), release: () => client.release() }
  }
}

/**
 * Search documents waiting for their vectors, which COPY cannot compute: a temporary table, dropped at commit,
 * numbered in the order the documents arrived so that they move on into search_documents a range at a time.
 * Not a migrated table.
 */
export const searchLoad = pgTable('trail_search_load', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  entityId: text('entity_id').notNull(),
  entity: text('entity').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
})
export const createSearchLoad = sql`create temporary table ${searchLoad} (position bigint primary key, entity_id text not null, entity text not null, created_at bigint not null, title text not null, body text not null) on commit drop`

/** Rows per COPY on load: each COPY is one round trip, its text held in memory while it is sent. */
const COPY_BATCH_SIZE = 2_000
/** Documents given their vectors in one spare step: the next batch waits for at most one step. */
const VECTOR_STEP = 2_000

/**
 * COPY cannot compute a document's vector, and building them was almost half the server's work in a load (at
 * 300,000 rows): done with each batch of tasks or status updates, it kept this process waiting for the server
 * through those tables, and the server waiting for this process through the audit entries that follow. So a
 * batch's documents wait in `searchLoad` and move on into search_documents, their vectors built by one INSERT …
 * SELECT a step at a time, whenever the server would otherwise wait (`spare`, called by the load).
 */
export function copyWriter(sendCopy: SendCopy): BatchWriter {
  /** Documents added so far, and of those the ones sent into `searchLoad` and the ones moved on. */
  let added = 0
  let waiting = 0
  let moved = 0
  let batch: { rows: CopyText; companions?: CopyText; documents: CopyText } | undefined
  const vector = vectorOf({ title: sql`${searchLoad.title}`, body: sql`${searchLoad.body}` })
  return {
    batchSize: COPY_BATCH_SIZE,
    add(entry, value) {
      batch ??= {
        rows: copyText(entry.table),
        companions: entry.companion && copyText(entry.companion.table),
        documents: copyText(searchLoad),
      }
      const { row, companionRows, document } = rowParts(entry, value)
      batch.rows.add(row)
      for (const companion of companionRows) batch.companions?.add(companion)
      if (document !== undefined) batch.documents.add({ position: ++added, ...document })
    },
    take() {
      const texts = batch === undefined ? [] : [batch.rows, batch.companions, batch.documents]
      const through = added
      batch = undefined
      return async () => {
        for (const text of texts) if (text !== undefined) await sendCopy(text)
        waiting = through
      }
    },
    async spare(tx) {
      if (moved === waiting) return false
      const after = moved
      moved = Math.min(waiting, moved + VECTOR_STEP)
      await tx.execute(
        sql`insert into ${searchDocuments} (entity_id, entity, created_at, title, body, document) select entity_id, entity, created_at, title, body, ${vector} from ${searchLoad} where position > ${after} and position <= ${moved}`,
      )
      return true
    },
  }
}
