// The PostgreSQL write: one transaction that takes the audit trail's append lock, lets the mutation read (with
// its row locks) and decide its plan, writes the plan's rows in order, each update and delete compare-and-set on
// its expected version, and appends its entries after the tail. Run again on a serialization failure or a
// deadlock; an unreachable database is a 503 (errors.ts).
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { type AuditTail, type Clock, sequence, writeTime } from '../../domains/audit/entries.js'
import type { RowChange } from '../../domains/audit/plan.js'
import type { DumpRow } from '../contract.js'
import { indexChanges } from '../search-index.js'
import { type AnyTableEntry, registryEntries } from '../table-registry.js'
import { ENTITY_NAMES, type EntityChange, lostRace, type Plan, type Transact } from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { withRetries } from './errors.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { createPostgresReads } from './reads.js'
import { POSTGRES_TABLES } from './registry.js'
import { auditEntryToRow } from './rows.js'
import { writeIndex } from './search.js'
import { auditEntries, type bugs, type taskAssignees } from './tables.js'

/**
 * Takes the audit trail's append lock and reads the trail's tail under it. The transaction-scoped advisory
 * lock is held until commit, so concurrent writers (across instances too) take seqs one after another, in
 * commit order, and a rolled-back writer leaves no gap. The write time is taken once the lock is held (see
 * writeTime), so `at` never goes backwards along `seq`, and the write stamps its rows with the same time, so an
 * entity's timestamps equal its audit entries' `at`. Every audited write takes it first, before any row lock,
 * so writers cannot deadlock on it.
 */
async function lockAuditTrail(tx: PostgresDatabase): Promise<AuditTail> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
  // A statement of its own: in READ COMMITTED it sees every writer that committed before the lock was granted.
  const [last] = await tx
    .select({ seq: auditEntries.seq, at: auditEntries.at })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1)
  return { lastSeq: last?.seq ?? 0, lastAt: last?.at }
}

type Row = { id: string }
type Values = Record<string, unknown>
type Change = RowChange<EntityChange['table'], Row>

/** A row's values for `columns` only (a task row read with its assignees has one field its table lacks). */
const pick =
  (columns: string[]) =>
  (row: Values): Values =>
    Object.fromEntries(columns.map((column) => [column, row[column]]))

/** Writes one table's row changes, with its companion rows (a task's assignees), replaced only when they change. */
function rowWriter(entry: AnyTableEntry<PgTable>) {
  // Drizzle's statement types do not follow a table known only as PgTable; these use the id and version only.
  const table = entry.table as typeof bugs
  const versioned = 'version' in getTableColumns(entry.table)
  const columns = Object.keys(getTableColumns(entry.table))
  const insertValues = pick(columns)
  // An update never rewrites a key.
  const updateValues = pick(columns.filter((column) => column !== 'id'))
  const toRow = (row: Row) => entry.toRow(row as DumpRow['row'])
  const { companion } = entry
  /** The row by id, and at the expected version when the change carries one. */
  const which = (id: string, expectedVersion: number | undefined) =>
    and(
      eq(table.id, id),
      expectedVersion === undefined || !versioned ? undefined : eq(table.version, expectedVersion),
    )
  const current = async (tx: PostgresDatabase, id: string) => {
    if (!versioned) return undefined
    const [row] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id))
    return row
  }
  const companionRows = (row: Row) => companion?.rows(row as DumpRow['row']) ?? []
  const insertCompanions = async (tx: PostgresDatabase, row: Row) => {
    const rows = companionRows(row)
    if (companion && rows.length > 0)
      await tx
        .insert(companion.table as typeof taskAssignees)
        .values(rows as (typeof taskAssignees.$inferInsert)[])
  }
  const replaceCompanions = async (tx: PostgresDatabase, before: Row, row: Row) => {
    if (!companion || JSON.stringify(companionRows(row)) === JSON.stringify(companionRows(before))) return
    const owner = getTableColumns(companion.table)[companion.owner] as PgColumn
    await tx.delete(companion.table).where(eq(owner, row.id))
    await insertCompanions(tx, row)
  }
  return async (tx: PostgresDatabase, change: Change) => {
    if (change.op === 'insert') {
      await tx.insert(table).values(insertValues(toRow(change.row)) as typeof table.$inferInsert)
      await insertCompanions(tx, change.row)
      return
    }
    const { id } = change.before
    const condition = which(id, change.expectedVersion)
    // Of writers holding one version the first wins; the others wait for its row lock, then match no row.
    const written =
      change.op === 'update'
        ? await tx
            .update(table)
            .set(updateValues(toRow(change.row)))
            .where(condition)
            .returning({ id: table.id })
        : await tx.delete(table).where(condition).returning({ id: table.id })
    if (written.length !== 1) throw lostRace(change.table, id, await current(tx, id))
    if (change.op === 'update') await replaceCompanions(tx, change.before, change.row)
  }
}

/** A writer for each table a plan may change, built from the registry. */
const writers = new Map(
  registryEntries(POSTGRES_TABLES)
    .filter((entry) => entry.name in ENTITY_NAMES)
    .map((entry) => [entry.name, rowWriter(entry)]),
)

async function apply(tx: PostgresDatabase, plan: Plan<unknown>, tail: AuditTail) {
  for (const change of plan.changes) {
    await (writers.get(change.table) as (tx: PostgresDatabase, change: Change) => Promise<void>)(tx, change)
  }
  for (const change of indexChanges(plan.changes)) await writeIndex(tx, change)
  if (plan.audit.length > 0)
    await tx.insert(auditEntries).values(sequence(plan.audit, tail).map(auditEntryToRow))
}

export function createPostgresTransact(db: PostgresDatabase, clock: Clock): Transact {
  return (decide) =>
    withRetries(() =>
      db.transaction(async (tx) => {
        const tail = await lockAuditTrail(tx)
        const plan = await decide(createPostgresReads(tx), writeTime(clock, tail))
        await apply(tx, plan, tail)
        return plan.result
      }),
    )
}
