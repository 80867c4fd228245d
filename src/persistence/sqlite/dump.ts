// Whole-database reads and writes for `trail export` and `trail import`. Each runs on a connection of its own
// to the repositories' file, so a long export or import never holds the requests' connection, and the
// requests' statements never slip into the export's or the import's transaction.
import Database from 'better-sqlite3'
import { asc, getTableColumns, gt, sql } from 'drizzle-orm'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import {
  DUMP_TABLES,
  type DumpRepository,
  type DumpRow,
  type DumpSnapshot,
  type DumpTable,
} from '../contract.js'
import {
  closeSqlite,
  DEFAULT_BUSY_TIMEOUT_MS,
  openSqlite,
  type SqliteClientOptions,
  type SqliteDatabase,
} from './client.js'
import { serviceFault } from './faults.js'
import {
  apiTokenToRow,
  auditEntryFromRow,
  auditEntryToRow,
  bugFromRow,
  bugToRow,
  designNoteFromRow,
  designNoteToRow,
  statusUpdateFromRow,
  statusUpdateToRow,
  storedApiTokenFromRow,
  type TaskRow,
  taskFromRow,
  taskToRow,
} from './rows.js'
import { createdAfter, createdOrder, insertValues } from './store.js'
import { apiTokens, auditEntries, bugs, designNotes, statusUpdates, tasks } from './tables.js'
import { assigneeWriter, taskColumns } from './tasks.js'

const DEFAULT_BATCH_SIZE = 1000

/** Where the last batch of a table ended: the raw column values of its last row. */
type Position = { afterCreatedAt: number; afterId: string } | { afterSeq: number }

/** Reads one table in canonical order, `limit` rows at a time, each batch after the previous one's end. */
type BatchReader = (after: Position | undefined, limit: number) => { rows: DumpRow[]; last?: Position }

interface Statement<Row> {
  all(params: Record<string, unknown>): Row[]
}

/** Keyset batches over a table ordered by creation time, then id (its `(created_at, id)` index serves both). */
function createdBatches<Row extends { createdAt: number; id: string }>(
  first: Statement<Row>,
  next: Statement<Row>,
  toDumpRow: (row: Row) => DumpRow,
): BatchReader {
  return (after, limit) => {
    const rows = after === undefined ? first.all({ limit }) : next.all({ ...after, limit })
    const last = rows.at(-1)
    return { rows: rows.map(toDumpRow), last: last && { afterCreatedAt: last.createdAt, afterId: last.id } }
  }
}

type CreatedTable = typeof tasks | typeof bugs | typeof statusUpdates | typeof designNotes | typeof apiTokens

/** The prepared statements of one snapshot, on its read-only connection. */
function batchReaders(db: BetterSQLite3Database): Record<DumpTable, BatchReader> {
  const limit = sql.placeholder('limit')
  /** `columns` (the table's own by default) is what a row holds: a task's include its assignees. */
  const reader = <T extends CreatedTable, Row extends { createdAt: number; id: string } = T['$inferSelect']>(
    table: T,
    toDumpRow: (row: Row) => DumpRow,
    columns: object = getTableColumns(table),
  ) => {
    // Drizzle's select types do not follow a table type parameter; the rows are Row's all the same.
    const select = () => db.select(columns as typeof taskColumns).from(table as CreatedTable as typeof tasks)
    return createdBatches(
      select()
        .orderBy(...createdOrder(table, 'asc'))
        .limit(limit)
        .prepare() as unknown as Statement<Row>,
      select()
        .where(createdAfter(table, 'asc'))
        .orderBy(...createdOrder(table, 'asc'))
        .limit(limit)
        .prepare() as unknown as Statement<Row>,
      toDumpRow,
    )
  }
  const audit = db
    .select()
    .from(auditEntries)
    .where(gt(auditEntries.seq, sql.placeholder('afterSeq')))
    .orderBy(asc(auditEntries.seq))
    .limit(limit)
    .prepare()

  return {
    tasks: reader(tasks, (row: TaskRow) => ({ table: 'tasks', row: taskFromRow(row) }), taskColumns),
    bugs: reader(bugs, (row) => ({ table: 'bugs', row: bugFromRow(row) })),
    status_updates: reader(statusUpdates, (row) => ({
      table: 'status_updates',
      row: statusUpdateFromRow(row),
    })),
    design_notes: reader(designNotes, (row) => ({ table: 'design_notes', row: designNoteFromRow(row) })),
    api_tokens: reader(apiTokens, (row) => ({ table: 'api_tokens', row: storedApiTokenFromRow(row) })),
    audit_entries: (after, limit) => {
      // The trail is numbered from 1, so "after 0" is the start.
      const rows = audit.all({
        afterSeq: after !== undefined && 'afterSeq' in after ? after.afterSeq : 0,
        limit,
      })
      const last = rows.at(-1)
      return {
        rows: rows.map((row) => ({ table: 'audit_entries', row: auditEntryFromRow(row) })),
        last: last && { afterSeq: last.seq },
      }
    },
  }
}

function snapshotOf(reader: SqliteDatabase): DumpSnapshot {
  const readers = batchReaders(drizzle({ client: reader }))
  const countRows = Object.fromEntries(
    DUMP_TABLES.map((table) => [table, reader.prepare(`SELECT count(*) FROM ${table}`).pluck()]),
  ) as Record<DumpTable, Database.Statement>
  const requireOpen = () => {
    if (!reader.open) throw new Error('The snapshot has ended: read its rows inside snapshot()')
  }
  return {
    async counts() {
      requireOpen()
      return Object.fromEntries(
        DUMP_TABLES.map((table) => [table, countRows[table].get() as number]),
      ) as Record<DumpTable, number>
    },
    async *rows(batchSize = DEFAULT_BATCH_SIZE) {
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`)
      }
      for (const table of DUMP_TABLES) {
        let after: Position | undefined
        for (;;) {
          // Each batch is one synchronous read; between batches the consumer may await anything, and the
          // read transaction keeps this connection on the same snapshot throughout.
          requireOpen()
          const batch = readers[table](after, batchSize)
          yield* batch.rows
          if (batch.rows.length < batchSize) break
          after = batch.last
        }
      }
    },
  }
}

/** The repositories' connection settings (and their lock-wait budget), so the dump's connections behave the same. */
function clientOptionsOf(sqlite: SqliteDatabase, lockWaitMs: number): Required<SqliteClientOptions> {
  if (sqlite.memory) throw new Error('An in-memory SQLite database cannot be dumped or loaded')
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
  return {
    // 2 is FULL and 3 EXTRA; both mean "also survive a power cut".
    synchronous: synchronous >= 2 ? 'FULL' : 'NORMAL',
    busyTimeoutMs: lockWaitMs,
  }
}

/** Throws, naming them, when any table has a row. */
function requireEmpty(connection: SqliteDatabase) {
  const filled = DUMP_TABLES.filter(
    (table) => connection.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1,
  )
  if (filled.length > 0) {
    throw new Error(
      `The target database is not empty (${filled.join(', ')} have rows): import only into a new database`,
    )
  }
}

/** Inserts one dump row as given: ids, versions, times, `supersededBy`, audit `seq` and all. */
function rowInserter(db: BetterSQLite3Database): (entry: DumpRow) => void {
  const insert = {
    tasks: db.insert(tasks).values(insertValues(tasks)).prepare(),
    bugs: db.insert(bugs).values(insertValues(bugs)).prepare(),
    statusUpdates: db.insert(statusUpdates).values(insertValues(statusUpdates)).prepare(),
    designNotes: db.insert(designNotes).values(insertValues(designNotes)).prepare(),
    auditEntries: db.insert(auditEntries).values(insertValues(auditEntries)).prepare(),
    apiTokens: db.insert(apiTokens).values(insertValues(apiTokens)).prepare(),
  }
  const assignees = assigneeWriter(db)
  return (entry) => {
    switch (entry.table) {
      case 'tasks':
        insert.tasks.run(taskToRow(entry.row))
        return assignees.insert(entry.row)
      case 'bugs':
        return void insert.bugs.run(bugToRow(entry.row))
      case 'status_updates':
        return void insert.statusUpdates.run(statusUpdateToRow(entry.row))
      case 'design_notes':
        return void insert.designNotes.run(designNoteToRow(entry.row))
      case 'audit_entries':
        return void insert.auditEntries.run(auditEntryToRow(entry.row))
      case 'api_tokens':
        return void insert.apiTokens.run(apiTokenToRow(entry.row))
      default:
        throw new Error(`Unknown table "${(entry as { table: unknown }).table}"`)
    }
  }
}

/** A rejected row's error, naming the row; faults (busy, full disk, …) stay as they are, to become 503s. */
function rowError(entry: DumpRow, error: unknown): unknown {
  if (serviceFault(error) !== undefined) return error
  // better-sqlite3's own message ("UNIQUE constraint failed: tasks.id") says what is wrong with the row.
  const message = error instanceof Error ? error.message : String(error)
  return new Error(`Cannot load ${entry.table} row ${entry.row.id}: ${message}`, { cause: error })
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
      const writer = openSqlite(sqlite.name, clientOptionsOf(sqlite, lockWaitMs))
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
          requireEmpty(writer)
          const insert = rowInserter(drizzle({ client: writer }))
          // Awaiting the next row inside the transaction is safe here (unlike on the repositories'
          // connection, where another request's statements would join it) because no other code uses this
          // connection. Rows are inserted as they arrive, so memory stays flat however large the dump.
          for await (const entry of rows) {
            try {
              insert(entry)
            } catch (error) {
              throw rowError(entry, error)
            }
          }
          const violations = writer.pragma('foreign_key_check') as { table: string; parent: string }[]
          if (violations.length > 0) {
            const [first] = violations as [{ table: string; parent: string }]
            throw new Error(
              `The rows leave ${violations.length} reference(s) to missing rows (the first: a ${first.table} row ` +
                `pointing into ${first.parent}); nothing was loaded`,
            )
          }
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
