// The PostgreSQL write: one transaction that takes the audit trail's append lock, lets the mutation read (with
// its row locks) and decide its plan, writes the plan's rows in order, each update and delete compare-and-set on
// its expected version, and appends its entries after the tail. Writes that wait for the lock together share
// one such transaction, each in a savepoint (group commit, ADR 0011). Run again on a serialization failure or a
// deadlock; an unreachable database is a 503 (errors.ts).
import { and, desc, eq, getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { type AuditTail, type Clock, sequence, tailAfter, writeTime } from '../../domains/audit/entries.js'
import type { RowChange } from '../../domains/audit/plan.js'
import { coalescedWrites, type Outcome } from '../coalesced-writes.js'
import type { DumpRow } from '../contract.js'
import { indexChanges } from '../search-index.js'
import { type AnyTableEntry, registryEntries } from '../table-registry.js'
import {
  type Awaitable,
  ENTITY_NAMES,
  type EntityChange,
  lostRace,
  type Plan,
  type Transact,
  type WriteReads,
} from '../writes.js'
import type { PostgresDatabase } from './database.js'
import { isConnectionFailure, isRetryable, toTrailFailure, withRetries } from './errors.js'
import { AUDIT_APPEND_LOCK } from './locks.js'
import { AUDIT_CHANNEL } from './notifier.js'
import { createPostgresReads } from './reads.js'
import { POSTGRES_TABLES } from './registry.js'
import { auditEntryToRow } from './rows.js'
import { createIndexWriter } from './search.js'
import { fixedStatement, rowInserter, sqlStatement } from './statements.js'
import { auditEntries, type bugs } from './tables.js'

/**
 * Takes the audit trail's append lock and reads the trail's tail under it: the chain's head (seq, hash and
 * time) is read and extended only by its holder. The transaction-scoped advisory lock is held until commit, so concurrent writers (across instances too) take seqs one after another, in
 * commit order, and a rolled-back writer leaves no gap. The write time is taken once the lock is held (see
 * writeTime), so `at` never goes backwards along `seq`, and the write stamps its rows with the same time, so an
 * entity's timestamps equal its audit entries' `at`. Every audited write takes it first, before any row lock,
 * so writers cannot deadlock on it.
 */
function createAuditLock(db: PostgresDatabase, origin: string) {
  // The NOTIFY that wakes the other instances' change feeds rides on the lock's statement. PostgreSQL delivers
  // it only if, and when, the transaction commits, wherever in it it was sent, and here it costs no round trip
  // of its own while the lock is held (writers take turns on the lock for the whole write: each round trip
  // inside it is one more for every writer waiting; bench/results/pg-lock.md). The payload names this
  // instance, whose own feeds are woken directly and so ignore it (notifier.ts). A write that turns out to
  // change nothing notifies too: the other feeds then read and find nothing new.
  const lock = sqlStatement(
    'trail_audit_lock',
    sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK}), pg_notify(${AUDIT_CHANNEL}, ${origin})`,
  )
  const tail = fixedStatement<{ seq: number; at: number; hash: string }[]>(
    'trail_audit_tail',
    db
      .select({ seq: auditEntries.seq, at: auditEntries.at, hash: auditEntries.hash })
      .from(auditEntries)
      .orderBy(desc(auditEntries.seq))
      .limit(1),
  )
  return async (tx: PostgresDatabase): Promise<AuditTail> => {
    await lock(tx)
    // A statement of its own: in READ COMMITTED it sees every writer that committed before the lock was granted.
    const [last] = await tail(tx)
    return tailAfter(last)
  }
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
function rowWriter(db: PostgresDatabase, entry: AnyTableEntry<PgTable>) {
  // Drizzle's statement types do not follow a table known only as PgTable; these use the id and version only.
  const table = entry.table as typeof bugs
  const versioned = 'version' in getTableColumns(entry.table)
  const columns = Object.keys(getTableColumns(entry.table))
  const insertValues = pick(columns)
  // An update never rewrites a key.
  const updateColumns = columns.filter((column) => column !== 'id')
  const updateValues = pick(updateColumns)
  const toRow = (row: Row) => entry.toRow(row as DumpRow['row'])
  const { companion } = entry
  const insertRows = rowInserter(db, entry.table, `trail_insert_${entry.name}`)
  /** The row by id, and at the expected version when the change carries one. */
  const which = (id: unknown, expectedVersion: unknown) =>
    and(
      eq(table.id, id as string),
      expectedVersion === undefined || !versioned ? undefined : eq(table.version, expectedVersion as number),
    )
  // The update of every column but the key, compare-and-set on the version where the table has one.
  const update = fixedStatement<Row[]>(
    `trail_update_${entry.name}`,
    db
      .update(table)
      .set(Object.fromEntries(updateColumns.map((column) => [column, sql.placeholder(column)])))
      .where(which(sql.placeholder('id'), versioned ? sql.placeholder('expectedVersion') : undefined))
      .returning({ id: table.id }),
  )
  const current = async (tx: PostgresDatabase, id: string) => {
    if (!versioned) return undefined
    const [row] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id))
    return row
  }
  const companionRows = (row: Row) => companion?.rows(row as DumpRow['row']) ?? []
  const insertCompanionRows =
    companion && rowInserter(db, companion.table, `trail_insert_${getTableName(companion.table)}`)
  const insertCompanions = async (tx: PostgresDatabase, row: Row) => {
    const rows = companionRows(row)
    if (insertCompanionRows && rows.length > 0) await insertCompanionRows(tx, rows as Values[])
  }
  const replaceCompanions = async (tx: PostgresDatabase, before: Row, row: Row) => {
    if (!companion || JSON.stringify(companionRows(row)) === JSON.stringify(companionRows(before))) return
    const owner = getTableColumns(companion.table)[companion.owner] as PgColumn
    await tx.delete(companion.table).where(eq(owner, row.id))
    await insertCompanions(tx, row)
  }
  const updateRow = (
    tx: PostgresDatabase,
    id: string,
    expectedVersion: number | undefined,
    values: Values,
  ) =>
    // A version to compare with on a table that has one, and every column given: the prepared statement.
    (expectedVersion !== undefined || !versioned) &&
    updateColumns.every((column) => values[column] !== undefined)
      ? update(tx, { ...values, id, expectedVersion })
      : tx.update(table).set(values).where(which(id, expectedVersion)).returning({ id: table.id })
  return async (tx: PostgresDatabase, change: Change) => {
    if (change.op === 'insert') {
      await insertRows(tx, [insertValues(toRow(change.row))])
      await insertCompanions(tx, change.row)
      return
    }
    const { id } = change.before
    // Of writers holding one version the first wins; the others wait for its row lock, then match no row.
    const written =
      change.op === 'update'
        ? await updateRow(tx, id, change.expectedVersion, updateValues(toRow(change.row)))
        : await tx.delete(table).where(which(id, change.expectedVersion)).returning({ id: table.id })
    if (written.length !== 1) throw lostRace(change.table, id, await current(tx, id))
    if (change.op === 'update') await replaceCompanions(tx, change.before, change.row)
  }
}

type Writer = (tx: PostgresDatabase, change: Change) => Promise<void>

/** Applies plans: a writer for each table a plan may change (built from the registry), the index, the audit. */
function createApply(db: PostgresDatabase) {
  const writers = new Map(
    registryEntries(POSTGRES_TABLES)
      .filter((entry) => entry.name in ENTITY_NAMES)
      .map((entry) => [entry.name, rowWriter(db, entry)]),
  )
  const writeIndex = createIndexWriter(db)
  const insertAudit = rowInserter(db, auditEntries, 'trail_insert_audit_entries')
  /** Applies `plan` after `tail`; returns the tail after the plan's entries. */
  return async (tx: PostgresDatabase, plan: Plan<unknown>, tail: AuditTail): Promise<AuditTail> => {
    for (const change of plan.changes) await (writers.get(change.table) as Writer)(tx, change)
    for (const change of indexChanges(plan.changes)) await writeIndex(tx, change)
    const entries = sequence(plan.audit, tail)
    const newest = entries.at(-1)
    if (newest === undefined) return tail
    await insertAudit(tx, entries.map(auditEntryToRow))
    return tailAfter({ seq: newest.seq, at: Date.parse(newest.at), hash: newest.hash })
  }
}

/**
 * Writes waiting for the append lock are committed together (group commit): while a batch holds the lock, the
 * writes asked for meanwhile gather into the next, which takes the lock once, runs each write in a savepoint
 * of its own (one that fails is undone and fails alone) and commits them all with one flush of the WAL. A
 * writer holds the lock through its commit, so one flush per write bounded the writes per second however few
 * CPU cycles they took. Two batches in flight: the next is already waiting on the lock when one commits.
 */
const BATCHES_IN_FLIGHT = 2

/** What a write decides, given its reads and its time. */
type Decide<Result = unknown> = (reads: WriteReads, at: string) => Awaitable<Plan<Result>>

/** `origin`: what this instance's NOTIFYs carry, so that it can tell them from other instances'. */
export function createPostgresTransact(db: PostgresDatabase, clock: Clock, origin = ''): Transact {
  const lockAuditTrail = createAuditLock(db, origin)
  const apply = createApply(db)
  const readsIn = createPostgresReads(db)
  /** One write after `tail`: its result, and the tail after its entries. */
  const write = async (tx: PostgresDatabase, decide: Decide, tail: AuditTail) => {
    const plan = await decide(readsIn(tx), writeTime(clock, tail))
    return { result: plan.result, tail: await apply(tx, plan, tail) }
  }
  const writeTogether = async (tx: PostgresDatabase, decisions: Decide[]): Promise<Outcome[]> => {
    let tail = await lockAuditTrail(tx)
    // A lone write needs no savepoint: its transaction is its own.
    if (decisions.length === 1)
      return [{ ok: true, value: (await write(tx, decisions[0] as Decide, tail)).result }]
    const outcomes: Outcome[] = []
    for (const decide of decisions) {
      try {
        const written = await tx.transaction((savepoint) => write(savepoint, decide, tail))
        tail = written.tail
        outcomes.push({ ok: true, value: written.result })
      } catch (error) {
        // A lost connection fails the whole batch; a deadlock or serialization failure runs it all again.
        if (isConnectionFailure(error) || isRetryable(error)) throw error
        outcomes.push({ ok: false, error })
      }
    }
    return outcomes
  }
  const writeInBatch = coalescedWrites(
    (decisions: Decide[]) => withRetries(() => db.transaction((tx) => writeTogether(tx, decisions))),
    BATCHES_IN_FLIGHT,
  )
  return async <Result>(decide: Decide<Result>) => {
    const outcome = await writeInBatch(decide as Decide)
    if (!outcome.ok) throw toTrailFailure(outcome.error)
    return outcome.value as Result
  }
}
