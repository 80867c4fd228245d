// Whole-database reads and writes for `trail export` and `trail import`. Each runs on a connection of its own
// to the repositories' file, so a long export or import never holds the requests' connection, and the
// requests' statements never slip into the export's or the import's transaction.
import Database from 'better-sqlite3'
import { asc, count, sql } from 'drizzle-orm'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DumpRepository, DumpRow, DumpSnapshot, DumpTable } from '../contract.js'
import { requireEmptyTarget } from '../dump-errors.js'
import { type AnyTableEntry, orderColumns, positionOf, registryEntries } from '../table-registry.js'
import {
  closeSqlite,
  DEFAULT_BUSY_TIMEOUT_MS,
  openSqlite,
  type SqliteClientOptions,
  type SqliteDatabase,
} from './client.js'
import { loadRows } from './load.js'
import { SQLITE_TABLES } from './registry.js'
import { limitParameter } from './store.js'

/**
 * Rows per export batch. A batch lives on while its lines are written out, long enough for V8 to promote it
 * into the old space, where it piles up until a full collection: at 600,000 rows the export peaked at 159 MB
 * with batches of 1,000 and 113 MB with 250, for a little less CPU (11.6 s against 12.4).
 */
const DEFAULT_BATCH_SIZE = 250
const LOAD_CACHE_KIB = 4096
const ENTRIES = registryEntries(SQLITE_TABLES)

/** Where the last batch of a table ended: the raw values of its last row's order fields. */
type Position = Record<string, unknown>

interface Statement<Row> {
  all(params: Record<string, unknown>): Row[]
  get(): Row | undefined
}

/** Reads one table in canonical order, `limit` rows at a time, each batch after the previous one's end. */
type BatchReader = (after: Position | undefined, limit: number) => { rows: DumpRow[]; last?: Position }

/**
 * Keyset batches over a table in its canonical order (served by its `(created_at, id)` index, or the audit
 * trail's unique seq): one prepared statement for the first batch, one for the batches after a position.
 */
function batchReader(db: BetterSQLite3Database, entry: AnyTableEntry<SQLiteTable>): BatchReader {
  const columns = orderColumns(entry)
  const afterPosition = sql`(${sql.join(columns, sql`, `)}) > (${sql.join(
    entry.order.map((field) => sql.placeholder(field)),
    sql`, `,
  )})`
  const prepare = (after: typeof afterPosition | undefined) =>
    db
      // Drizzle's select types do not follow a table known only as SQLiteTable; the rows are its all the same.
      .select(entry.columns as never)
      .from(entry.table)
      .where(after)
      .orderBy(...columns.map((column) => asc(column)))
      .limit(limitParameter())
      .prepare() as unknown as Statement<unknown>
  const first = prepare(undefined)
  const next = prepare(afterPosition)
  return (after, batchSize) => {
    const rows =
      after === undefined ? first.all({ limit: batchSize }) : next.all({ ...after, limit: batchSize })
    const last = rows.at(-1)
    return {
      rows: rows.map((row) => ({ table: entry.name, row: entry.fromRow(row) }) as DumpRow),
      last: last === undefined ? undefined : positionOf(entry, last),
    }
  }
}

function snapshotOf(reader: SqliteDatabase): DumpSnapshot {
  const db = drizzle({ client: reader })
  const readers = ENTRIES.map((entry) => batchReader(db, entry))
  const counters = ENTRIES.map(
    (entry) =>
      db.select({ rows: count() }).from(entry.table).prepare() as unknown as Statement<{ rows: number }>,
  )
  const requireOpen = () => {
    if (!reader.open) throw new Error('The snapshot has ended: read its rows inside snapshot()')
  }
  return {
    async counts() {
      requireOpen()
      return Object.fromEntries(
        ENTRIES.map((entry, at) => [entry.name, counters[at]?.get()?.rows ?? 0]),
      ) as Record<DumpTable, number>
    },
    async *rows(batchSize = DEFAULT_BATCH_SIZE) {
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`)
      }
      for (const read of readers) {
        let after: Position | undefined
        for (;;) {
          // Each batch is one synchronous read; between batches the consumer may await anything, and the
          // read transaction keeps this connection on the same snapshot throughout.
          requireOpen()
          const batch = read(after, batchSize)
          yield* batch.rows
          if (batch.rows.length < batchSize) break
          after = batch.last
        }
      }
    },
  }
}

/** The repositories' connection settings (and their lock-wait budget), so the dump's connections behave the same. */
function clientOptionsOf(
  sqlite: SqliteDatabase,
  lockWaitMs: number,
): Required<Omit<SqliteClientOptions, 'cacheKiB'>> {
  if (sqlite.memory) throw new Error('An in-memory SQLite database cannot be dumped or loaded')
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
  return {
    // 2 is FULL and 3 EXTRA; both mean "also survive a power cut".
    synchronous: synchronous >= 2 ? 'FULL' : 'NORMAL',
    busyTimeoutMs: lockWaitMs,
  }
}

/** Throws, naming them, when any table has a row. */
function requireEmpty(db: BetterSQLite3Database) {
  const hasRows = (table: SQLiteTable) => (db.select({ one: sql`1` }).from(table).limit(1).get() ? 1 : 0)
  requireEmptyTarget(
    Object.fromEntries(ENTRIES.map((entry) => [entry.name, hasRows(entry.table)])) as Record<
      DumpTable,
      number
    >,
  )
}

/** Export and import over the file behind `sqlite`, the repositories' connection (left untouched). */
export function createSqliteDump(
  sqlite: SqliteDatabase,
  lockWaitMs: number = DEFAULT_BUSY_TIMEOUT_MS,
): DumpRepository {
  return {
    async snapshot(read) {
      const { busyTimeoutMs } = clientOptionsOf(sqlite, lockWaitMs)
      const reader = new Database(sqlite.name, {
        readonly: true,
        fileMustExist: true,
        timeout: busyTimeoutMs,
      })
      try {
        // In WAL mode a read transaction sees the database as it was when it began, however long it stays
        // open and whatever others commit meanwhile (they are not blocked; the WAL just cannot be checkpointed
        // past it until it ends). A deferred BEGIN starts at the first read, so one is made at once: counts
        // and rows then see the same snapshot, whichever is asked for first.
        reader.exec('BEGIN')
        reader.prepare('SELECT count(*) FROM sqlite_schema').get()
        return await read(snapshotOf(reader))
      } finally {
        try {
          if (reader.inTransaction) reader.exec('COMMIT')
        } finally {
          reader.close()
        }
      }
    },

    async load(rows) {
      // A small page cache: the load appends, so a page once written is rarely wanted again, and SQLite's
      // sorter, which builds the indexes at the end, takes as much memory again as the cache (importing a
      // million rows peaked at 111 MB of RSS, against 173 MB with the 16 MiB default).
      const writer = openSqlite(sqlite.name, {
        ...clientOptionsOf(sqlite, lockWaitMs),
        cacheKiB: LOAD_CACHE_KIB,
      })
      try {
        // Foreign keys are checked once, at the end, by foreign_key_check: a design note's `supersededBy`
        // names a later note, so row-by-row checks would reject a valid dump. The alternatives cost more:
        // `defer_foreign_keys` makes every design-note insert scan design_notes (superseded_by has no index)
        // while a reference is pending, quadratic in the notes (20,000 notes took 8.8 s against 0.04 s);
        // inserting NULL and setting the references afterwards keeps a list of them in memory.
        // The pragma only works outside a transaction, and this connection is the load's alone.
        writer.pragma('foreign_keys = OFF')
        // BEGIN IMMEDIATE takes the write lock before the emptiness check, so nothing can write in between.
        writer.exec('BEGIN IMMEDIATE')
        try {
          requireEmpty(drizzle({ client: writer }))
          await loadRows(writer, rows)
          // Nothing derived needs resetting: the next audit entry is numbered max(seq) + 1 (store.ts), and
          // the tables have no AUTOINCREMENT counters.
          writer.exec('COMMIT')
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK')
          throw error
        }
      } finally {
        closeSqlite(writer)
      }
    },
  }
}
