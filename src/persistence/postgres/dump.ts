// Whole-database reads and writes for `trail export` and `trail import`: a snapshot read in keyset batches from
// one repeatable-read transaction, and a load that streams rows into an empty database in one transaction.
// Both go over the tables as the registry (registry.ts) lists them, in its order.
import { asc, count, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { DumpRepository, DumpRow, DumpSnapshot, DumpTable } from '../contract.js'
import { requireEmptyTarget } from '../dump-errors.js'
import { orderColumns, positionOf, registryEntries } from '../table-registry.js'
import { type CopyConnection, copyWriter, createSearchLoad } from './copy.js'
import type { PostgresDatabase } from './database.js'
import { type BatchWriter, type Entry, rowParts } from './dump-batches.js'
import { withFaultTranslation } from './errors.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { POSTGRES_TABLES } from './registry.js'
import { vectorOf } from './search.js'
import { searchDocuments } from './tables.js'

/** Rows per keyset page on export: 2,000 read about 15% faster than 500 in the dump bench, for 10 MB more RSS. */
const DEFAULT_BATCH_SIZE = 2_000
/** Rows per INSERT on load: well under PostgreSQL's 65,535 parameters for the widest table. */
const INSERT_BATCH_SIZE = 500
/** Parameters per INSERT of companion rows (a task's assignees), under PostgreSQL's 65,535. */
const MAX_PARAMETERS = 40_000

const ENTRIES = registryEntries(POSTGRES_TABLES)

/** One table after another: a transaction is one connection, which node-postgres wants one query at a time. */
async function countRows(tx: PostgresDatabase): Promise<Record<DumpTable, number>> {
  const counts: Partial<Record<DumpTable, number>> = {}
  for (const { name, table } of ENTRIES) {
    const [row] = await tx.select({ rows: count() }).from(table)
    counts[name] = row?.rows ?? 0
  }
  return counts as Record<DumpTable, number>
}

/** One table's rows in canonical order, page by page, each page starting after the last row of the one before. */
async function* tablePages(tx: PostgresDatabase, entry: Entry, batchSize: number): AsyncGenerator<DumpRow> {
  const columns = orderColumns(entry)
  let after: Record<string, unknown> | undefined
  for (;;) {
    const rows: unknown[] = await tx
      // Drizzle's select types do not follow a table known only as PgTable; the rows are its all the same.
      .select(entry.columns as never)
      .from(entry.table)
      .where(
        after &&
          sql`(${sql.join(columns, sql`, `)}) > (${sql.join(
            entry.order.map((field) => sql`${after?.[field]}`),
            sql`, `,
          )})`,
      )
      .orderBy(...columns.map((column) => asc(column)))
      .limit(batchSize)
    for (const row of rows) yield { table: entry.name, row: entry.fromRow(row) } as DumpRow
    const last = rows.at(-1)
    if (rows.length < batchSize || last === undefined) return
    after = positionOf(entry, last)
  }
}

function snapshotOf(tx: PostgresDatabase): DumpSnapshot {
  return {
    counts: () => countRows(tx),
    async *rows(batchSize = DEFAULT_BATCH_SIZE) {
      for (const entry of ENTRIES) yield* tablePages(tx, entry, batchSize)
    },
  }
}

/** Inserts `rows` into `table`, as many per INSERT as `perInsert` allows. */
async function insertRows(tx: PostgresDatabase, table: PgTable, rows: object[], perInsert: number) {
  for (let start = 0; start < rows.length; start += perInsert) {
    await tx.insert(table).values(rows.slice(start, start + perInsert) as never)
  }
}

function insertWriter(): BatchWriter {
  let batch: { entry: Entry; rows: object[]; companionRows: object[]; documents: object[] } | undefined
  return {
    batchSize: INSERT_BATCH_SIZE,
    add(entry, value) {
      batch ??= { entry, rows: [], companionRows: [], documents: [] }
      const { row, companionRows, document } = rowParts(entry, value)
      batch.rows.push(row)
      batch.companionRows.push(...companionRows)
      if (document !== undefined) batch.documents.push({ ...document, document: vectorOf(document) })
    },
    take() {
      const taken = batch
      batch = undefined
      return async (tx) => {
        if (taken === undefined) return
        const { entry, rows, companionRows, documents } = taken
        await insertRows(tx, entry.table, rows, INSERT_BATCH_SIZE)
        await insertRows(tx, searchDocuments, documents, INSERT_BATCH_SIZE)
        if (entry.companion !== undefined) {
          const perInsert = Math.floor(
            MAX_PARAMETERS / Object.keys(getTableColumns(entry.companion.table)).length,
          )
          await insertRows(tx, entry.companion.table, companionRows, perInsert)
        }
      }
    },
  }
}

async function linkForwardReferences(tx: PostgresDatabase, entry: Entry, links: [id: string, by: string][]) {
  if (entry.forwardReference === undefined) return
  const { id, [entry.forwardReference]: reference } = getTableColumns(entry.table) as Record<string, PgColumn>
  for (let start = 0; start < links.length; start += INSERT_BATCH_SIZE) {
    const values: SQL = sql.join(
      links.slice(start, start + INSERT_BATCH_SIZE).map(([from, by]) => sql`(${from}, ${by})`),
      sql`, `,
    )
    await tx.execute(
      sql`update ${entry.table} set ${sql.identifier(reference?.name ?? '')} = links.by from (values ${values}) as links(id, by) where ${id} = links.id`,
    )
  }
}

/**
 * Gives the rows to `writer` as they are read, in batches, one written while the next is made: the server's
 * work and the parsing overlap, and no more than two batches are held. Once a batch is written and until the
 * next is made, the server would wait: it does the writer's put-off work (`spare`) meanwhile, a step at a
 * time, and after the last batch all that is left. A failure ends the put-off work and waits for the write in
 * flight, so the rollback is the connection's next statement.
 */
async function writeBatches(tx: PostgresDatabase, rows: AsyncIterable<DumpRow>, writer: BatchWriter) {
  const entries = Object.fromEntries(ENTRIES.map((entry) => [entry.name, entry])) as Record<DumpTable, Entry>
  const links = new Map<Entry, [string, string][]>()
  let writing: Promise<void> = Promise.resolve()
  // Whether the server has time for put-off work: not while a batch waits for it, nor once the load has failed.
  let spareTime = true
  const write = async (batch: (tx: PostgresDatabase) => Promise<void>) => {
    await batch(tx)
    while (spareTime && (await writer.spare?.(tx))) {}
  }
  const send = async () => {
    const batch = writer.take()
    spareTime = false
    await writing
    spareTime = true
    writing = write(batch)
    // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
    writing.catch(() => {})
  }
  let making: { entry: Entry; rows: number } | undefined
  try {
    for await (const { table, row } of rows) {
      const entry: Entry | undefined = entries[table]
      if (entry === undefined) throw new Error(`Unknown table "${table}"`)
      if (making !== undefined && (making.entry !== entry || making.rows >= writer.batchSize)) {
        await send()
        making = undefined
      }
      making ??= { entry, rows: 0 }
      writer.add(entry, row)
      making.rows++
      const reference = entry.forwardReference
      const to = reference && (row as unknown as Record<string, string | null>)[reference]
      if (typeof to === 'string') {
        const entryLinks = links.get(entry) ?? []
        links.set(entry, entryLinks)
        entryLinks.push([row.id, to])
      }
    }
    if (making !== undefined) await send()
    await writing
  } catch (error) {
    spareTime = false
    await writing.catch(() => {})
    throw error
  }
  return links
}

/** The tables a load writes. */
const LOADED_TABLES = [
  ...ENTRIES.flatMap((entry) => (entry.companion ? [entry.table, entry.companion.table] : [entry.table])),
  searchDocuments,
].map((table) => getTableName(table))

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

/**
 * Sets aside, for the load, the foreign keys of the loaded tables and their indexes that no constraint stands
 * behind, and answers how to put them back. PostgreSQL's "Populating a Database": an index built once from the
 * loaded rows, and a foreign key checked once by one join, cost less than keeping each up to date row by row
 * (at 300,000 rows the COPYs into the tables with foreign keys took twice as long as those without). Primary
 * keys and unique constraints stay. The tables are empty and locked by the load's transaction, and a rollback
 * brings everything back.
 */
async function setAsideIndexesAndForeignKeys(tx: PostgresDatabase): Promise<() => Promise<void>> {
  const loaded = sql.join(
    LOADED_TABLES.map((name) => sql`${name}`),
    sql`, `,
  )
  const indexes = rowsOf<{ name: string; definition: string }>(
    await tx.execute(sql`
      select c.relname as name, pg_get_indexdef(c.oid) as definition
      from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = current_schema()::regnamespace and t.relname in (${loaded})
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`),
  )
  const foreignKeys = rowsOf<{ table: string; name: string; definition: string }>(
    await tx.execute(sql`
      select t.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as definition
      from pg_constraint k join pg_class t on t.oid = k.conrelid
      where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.relname in (${loaded})`),
  )
  for (const { table, name } of foreignKeys)
    await tx.execute(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(name)}`)
  for (const { name } of indexes) await tx.execute(sql`drop index ${sql.identifier(name)}`)
  return async () => {
    for (const { definition } of indexes) await tx.execute(sql.raw(definition))
    for (const { table, name, definition } of foreignKeys)
      await tx.execute(
        sql`alter table ${sql.identifier(table)} add constraint ${sql.identifier(name)} ${sql.raw(definition)}`,
      )
  }
}

async function loadRows(tx: PostgresDatabase, rows: AsyncIterable<DumpRow>, writer: BatchWriter) {
  // Writers wait until the load commits, so none takes an audit seq the dump is about to use.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  requireEmptyTarget(await countRows(tx))
  const putBack = await setAsideIndexesAndForeignKeys(tx)
  const links = await writeBatches(tx, rows, writer)
  for (const [entry, entryLinks] of links) await linkForwardReferences(tx, entry, entryLinks)
  await putBack()
  // The planner's statistics still describe empty tables: without them the first reads after a load (an
  // export, the lists) plan as if for none and ran about three times slower in the dump bench. The next audit
  // seq and the chain head need no reset: both are read from the rows themselves.
  await tx.execute(sql`analyze`)
}

/**
 * The dump repository over `db`. With `copyConnections` (a node-postgres pool: pool.ts), a load holds a
 * connection of its own and writes through COPY in its transaction; without (PGlite), through INSERTs.
 */
export function createPostgresDump(
  db: PostgresDatabase,
  copyConnections?: () => Promise<CopyConnection>,
): DumpRepository {
  return withFaultTranslation({
    snapshot: (read) =>
      db.transaction((tx) => read(snapshotOf(tx)), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      }),
    load: async (rows) => {
      if (copyConnections === undefined) return db.transaction((tx) => loadRows(tx, rows, insertWriter()))
      const connection = await copyConnections()
      try {
        return await connection.db.transaction(async (tx) => {
          await tx.execute(createSearchLoad)
          await loadRows(tx, rows, copyWriter(connection.sendCopy))
        })
      } finally {
        connection.release()
      }
    },
  } satisfies DumpRepository)
}
