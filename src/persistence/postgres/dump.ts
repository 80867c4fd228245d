// Whole-database reads and writes for `trail export` and `trail import`: a snapshot read in keyset batches from
// one repeatable-read transaction, and a load that streams rows into an empty database in one transaction.
// Both go over the tables as the registry (registry.ts) lists them, in its order.
import { asc, count, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { isSearchable, searchDocument } from '../../domains/search/documents.js'
import type { DumpRepository, DumpRow, DumpSnapshot, DumpTable } from '../contract.js'
import { requireEmptyTarget } from '../dump-errors.js'
import { type AnyTableEntry, orderColumns, positionOf, registryEntries } from '../table-registry.js'
import type { PostgresDatabase } from './database.js'
import { withFaultTranslation } from './errors.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { POSTGRES_TABLES } from './registry.js'
import { documentValues } from './search.js'
import { searchDocuments } from './tables.js'

const DEFAULT_BATCH_SIZE = 500
/** Rows per INSERT on load: well under PostgreSQL's 65,535 parameters for the widest table. */
const INSERT_BATCH_SIZE = 500
/** Parameters per INSERT of companion rows (a task's assignees), under PostgreSQL's 65,535. */
const MAX_PARAMETERS = 40_000

const ENTRIES = registryEntries(POSTGRES_TABLES)
type Entry = AnyTableEntry<PgTable>

async function countRows(tx: PostgresDatabase): Promise<Record<DumpTable, number>> {
  const counts = await Promise.all(
    ENTRIES.map(async ({ name, table }) => {
      const [row] = await tx.select({ rows: count() }).from(table)
      return [name, row?.rows ?? 0] as const
    }),
  )
  return Object.fromEntries(counts) as Record<DumpTable, number>
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

/**
 * One batch of rows of one table, with their companion rows. A forward reference (a note superseded by a later
 * one, not inserted yet) is left empty here and set by `linkForwardReferences` once all rows are in.
 */
async function insertBatch(tx: PostgresDatabase, entry: Entry, values: DumpRow['row'][]) {
  const { forwardReference, companion } = entry
  const rows = values.map((value) =>
    forwardReference === undefined ? entry.toRow(value) : { ...entry.toRow(value), [forwardReference]: null },
  )
  await insertRows(tx, entry.table, rows, INSERT_BATCH_SIZE)
  // The search index is not in a dump: the documents of searchable rows are written with them.
  const documents = values
    .map((row) => ({ table: entry.name, row }))
    .filter(isSearchable)
    .map((searchable) => documentValues(searchDocument(searchable)))
  await insertRows(tx, searchDocuments, documents, INSERT_BATCH_SIZE)
  if (companion !== undefined) {
    const perInsert = Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(companion.table)).length)
    await insertRows(tx, companion.table, values.flatMap(companion.rows), perInsert)
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

async function loadRows(tx: PostgresDatabase, rows: AsyncIterable<DumpRow>) {
  // Writers wait until the load commits, so none takes an audit seq the dump is about to use.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  requireEmptyTarget(await countRows(tx))
  const entries = Object.fromEntries(ENTRIES.map((entry) => [entry.name, entry])) as Record<DumpTable, Entry>
  const links = new Map<Entry, [string, string][]>()
  let batch: { entry: Entry; rows: DumpRow['row'][] } | undefined
  for await (const { table, row } of rows) {
    const entry: Entry | undefined = entries[table]
    if (entry === undefined) throw new Error(`Unknown table "${table}"`)
    if (batch !== undefined && (batch.entry !== entry || batch.rows.length >= INSERT_BATCH_SIZE)) {
      await insertBatch(tx, batch.entry, batch.rows)
      batch = undefined
    }
    batch ??= { entry, rows: [] }
    batch.rows.push(row)
    const reference = batch.entry.forwardReference
    const to = reference && (row as unknown as Record<string, string | null>)[reference]
    if (typeof to === 'string') {
      const entryLinks = links.get(batch.entry) ?? []
      links.set(batch.entry, entryLinks)
      entryLinks.push([row.id, to])
    }
  }
  if (batch !== undefined) await insertBatch(tx, batch.entry, batch.rows)
  for (const [entry, entryLinks] of links) await linkForwardReferences(tx, entry, entryLinks)
  // Nothing derived to reset: the next audit seq is computed from the rows themselves.
}

export function createPostgresDump(db: PostgresDatabase): DumpRepository {
  return withFaultTranslation({
    snapshot: (read) =>
      db.transaction((tx) => read(snapshotOf(tx)), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      }),
    load: (rows) => db.transaction((tx) => loadRows(tx, rows)),
  } satisfies DumpRepository)
}
