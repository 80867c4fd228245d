// Shared by the SQLite-specific tests: a database file per test and direct looks at its tables.
import { join } from 'node:path'
import type { Test } from 'tap'
import { openSqliteBackend, type SqliteDatabase } from '../../src/persistence/sqlite/index.js'

export const dbPath = (t: Test) => join(t.testdir(), 'trail.db')

/** Repositories and their raw connection on a fresh file (or `path`), closed when `t` ends. */
export async function openBackend(t: Test, options: { path?: string; busyTimeoutMs?: number } = {}) {
  const backend = await openSqliteBackend({
    path: options.path ?? dbPath(t),
    synchronous: 'NORMAL',
    busyTimeoutMs: options.busyTimeoutMs,
  })
  t.teardown(() => backend.repos.close())
  return backend
}

export const TABLES = ['tasks', 'bugs', 'status_updates', 'design_notes', 'audit_entries'] as const

export const countRows = (sqlite: SqliteDatabase, table: string): number =>
  sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

/** Every row of every table, in a stable order: what must survive a restart or a migration unchanged. */
export const allRows = (sqlite: SqliteDatabase) =>
  Object.fromEntries(
    TABLES.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
  )

/** Asserts the audit trail is numbered 1..N without a gap or a repeat. */
export function assertContiguousSeq(t: Test, sqlite: SqliteDatabase) {
  const { count, distinct, max } = sqlite
    .prepare(
      'SELECT count(*) AS count, count(DISTINCT seq) AS "distinct", coalesce(max(seq), 0) AS max FROM audit_entries',
    )
    .get() as { count: number; distinct: number; max: number }
  t.equal(distinct, count, 'audit seq values are unique')
  t.equal(max, count, 'audit seq runs 1..N without gaps')
}
