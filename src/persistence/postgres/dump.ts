// Whole-database reads and writes for `trail export` and `trail import`: a snapshot read in keyset batches from
// one repeatable-read transaction, and a load that streams rows into an empty database in one transaction.
import { asc, count, getTableColumns, gt, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { CreatedKey } from '../../core/paging.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import type { Task } from '../../domains/tasks/schemas.js'
import {
  DUMP_TABLES,
  type DumpRepository,
  type DumpRow,
  type DumpSnapshot,
  type DumpTable,
} from '../contract.js'
import type { PostgresDatabase } from './database.js'
import { toTrailFailure } from './errors.js'
import { afterCreated, type CreatedColumns, createdKey, createdOrder } from './keyset.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import {
  apiTokenToRow,
  auditEntryFromRow,
  auditEntryToRow,
  bugFromRow,
  bugToRow,
  designNoteFromRow,
  designNoteToRow,
  type StoredApiToken,
  statusUpdateFromRow,
  statusUpdateToRow,
  storedApiTokenFromRow,
  taskFromRow,
  taskToRow,
} from './rows.js'
import { apiTokens, auditEntries, bugs, designNotes, statusUpdates, tasks } from './tables.js'
import { insertAssignees, taskColumns } from './tasks.js'

const DEFAULT_BATCH_SIZE = 500
/** Rows per INSERT on load: well under PostgreSQL's 65,535 parameters for the widest table. */
const INSERT_BATCH_SIZE = 500

const TABLES = {
  tasks,
  bugs,
  status_updates: statusUpdates,
  design_notes: designNotes,
  audit_entries: auditEntries,
  api_tokens: apiTokens,
} satisfies Record<DumpTable, PgTable>

async function countRows(tx: PostgresDatabase): Promise<Record<DumpTable, number>> {
  const counts = await Promise.all(
    DUMP_TABLES.map(async (name) => {
      const [row] = await tx.select({ rows: count() }).from(TABLES[name])
      return [name, row?.rows ?? 0] as const
    }),
  )
  return Object.fromEntries(counts) as Record<DumpTable, number>
}

/** Reads a table page by page, each page starting after the last row of the one before. */
async function* inPages<T, Key>(
  readPage: (after: Key | undefined) => Promise<T[]>,
  keyOf: (row: T) => Key,
  batchSize: number,
): AsyncGenerator<T> {
  let after: Key | undefined
  for (;;) {
    const page = await readPage(after)
    yield* page
    if (page.length < batchSize) return
    after = keyOf(page[page.length - 1] as T)
  }
}

/** Oldest first by (created_at, id): the dump's canonical order for every table but the audit trail. */
function createdPages<Row, T extends CreatedKey>(
  tx: PostgresDatabase,
  table: PgTable & CreatedColumns,
  fromRow: (row: Row) => T,
  batchSize: number,
  /** What a row holds, the table's own columns by default: a task's include its assignees. */
  columns: object = getTableColumns(table),
) {
  const readPage = async (after: CreatedKey | undefined) => {
    const rows = await tx
      .select(columns as typeof taskColumns)
      .from(table)
      .where(afterCreated(table, after, 'asc'))
      .orderBy(...createdOrder(table, 'asc'))
      .limit(batchSize)
    return (rows as Row[]).map(fromRow)
  }
  return inPages(readPage, createdKey, batchSize)
}

function auditPages(tx: PostgresDatabase, batchSize: number) {
  const readPage = async (after: number | undefined) => {
    const rows = await tx
      .select()
      .from(auditEntries)
      .where(after === undefined ? undefined : gt(auditEntries.seq, after))
      .orderBy(asc(auditEntries.seq))
      .limit(batchSize)
    return rows.map(auditEntryFromRow)
  }
  return inPages(readPage, (entry) => entry.seq, batchSize)
}

function snapshotOf(tx: PostgresDatabase): DumpSnapshot {
  return {
    counts: () => countRows(tx),
    async *rows(batchSize = DEFAULT_BATCH_SIZE) {
      for await (const row of createdPages(tx, tasks, taskFromRow, batchSize, taskColumns)) {
        yield { table: 'tasks', row }
      }
      for await (const row of createdPages(tx, bugs, bugFromRow, batchSize)) yield { table: 'bugs', row }
      for await (const row of createdPages(tx, statusUpdates, statusUpdateFromRow, batchSize)) {
        yield { table: 'status_updates', row }
      }
      for await (const row of createdPages(tx, designNotes, designNoteFromRow, batchSize)) {
        yield { table: 'design_notes', row }
      }
      for await (const row of auditPages(tx, batchSize)) yield { table: 'audit_entries', row }
      for await (const row of createdPages(tx, apiTokens, storedApiTokenFromRow, batchSize)) {
        yield { table: 'api_tokens', row }
      }
    },
  }
}

/** One batch of rows of one table; the caller only ever fills a batch from a single table. */
function insertBatch(tx: PostgresDatabase, table: DumpTable, rows: DumpRow['row'][]) {
  switch (table) {
    case 'tasks':
      return tx
        .insert(tasks)
        .values((rows as Task[]).map(taskToRow))
        .then(() => insertAssignees(tx, rows as Task[]))
    case 'bugs':
      return tx.insert(bugs).values((rows as Bug[]).map(bugToRow))
    case 'status_updates':
      return tx.insert(statusUpdates).values((rows as StatusUpdate[]).map(statusUpdateToRow))
    case 'design_notes':
      // A note is superseded by a later one, not inserted yet: the links are set once all notes are in.
      return tx
        .insert(designNotes)
        .values((rows as DesignNote[]).map((note) => designNoteToRow({ ...note, supersededBy: null })))
    case 'audit_entries':
      return tx.insert(auditEntries).values((rows as AuditEntry[]).map(auditEntryToRow))
    case 'api_tokens':
      return tx.insert(apiTokens).values((rows as StoredApiToken[]).map(apiTokenToRow))
  }
}

async function linkSupersededNotes(tx: PostgresDatabase, links: [id: string, supersededBy: string][]) {
  for (let start = 0; start < links.length; start += INSERT_BATCH_SIZE) {
    const values: SQL = sql.join(
      links.slice(start, start + INSERT_BATCH_SIZE).map(([id, by]) => sql`(${id}, ${by})`),
      sql`, `,
    )
    await tx.execute(
      sql`update ${designNotes} set superseded_by = links.by from (values ${values}) as links(id, by) where ${designNotes.id} = links.id`,
    )
  }
}

async function loadRows(tx: PostgresDatabase, rows: AsyncIterable<DumpRow>) {
  // Writers wait until the load commits, so none takes an audit seq the dump is about to use.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  const existing = await countRows(tx)
  if (Object.values(existing).some((rowCount) => rowCount > 0)) {
    throw new Error('the target database is not empty')
  }
  let batch: { table: DumpTable; rows: DumpRow['row'][] } | undefined
  const links: [string, string][] = []
  for await (const { table, row } of rows) {
    if (batch !== undefined && (batch.table !== table || batch.rows.length >= INSERT_BATCH_SIZE)) {
      await insertBatch(tx, batch.table, batch.rows)
      batch = undefined
    }
    batch ??= { table, rows: [] }
    batch.rows.push(row)
    if (table === 'design_notes' && row.supersededBy !== null) links.push([row.id, row.supersededBy])
  }
  if (batch !== undefined) await insertBatch(tx, batch.table, batch.rows)
  await linkSupersededNotes(tx, links)
  // Nothing derived to reset: the next audit seq is computed from the rows themselves.
}

export function createPostgresDump(db: PostgresDatabase): DumpRepository {
  return {
    async snapshot(read) {
      try {
        return await db.transaction((tx) => read(snapshotOf(tx)), {
          isolationLevel: 'repeatable read',
          accessMode: 'read only',
        })
      } catch (error) {
        throw toTrailFailure(error)
      }
    },
    async load(rows) {
      try {
        await db.transaction((tx) => loadRows(tx, rows))
      } catch (error) {
        throw toTrailFailure(error)
      }
    },
  }
}
