import type { Test } from 'tap'
import type { Repos } from '../../src/persistence/contract.js'

/** A backend the suites run against: `open` gives fresh, empty repositories, closed when `t` ends. */
export interface TestBackend {
  name: 'memory' | 'sqlite' | 'postgres'
  open(t: Test): Promise<Repos>
  /** Like `open`, plus hooks into the storage under the repositories, for tests that break or inspect it. */
  openWithHooks(t: Test): Promise<{ repos: Repos; hooks: BackendHooks }>
}

/**
 * What a test can do to a backend's storage behind the repositories' back. One test file can then show a
 * guarantee (a write and its audit entries are stored together or not at all; a refused load writes nothing)
 * on every backend at once, where each backend used to need its own copy of the test.
 */
export interface BackendHooks {
  /**
   * From now on every audit write fails, as a failing disk or a broken database would make it; with `action`,
   * only a write that appends an entry with that action. It lasts until `allowAuditWrites`. SQL backends put a
   * trigger on audit_entries; memory gives the repositories an audit log that throws.
   */
  refuseAuditWrites(options?: { action?: string }): Promise<void>
  /** Ends `refuseAuditWrites`. */
  allowAuditWrites(): Promise<void>
  /** A `t.rejects` pattern for the error of a write whose audit entry was refused (it differs by backend). */
  readonly auditRefusal: { code?: string; message: RegExp }
  /**
   * Every stored row of every table, each table in a stable order: the columns as the database holds them
   * (task_assignees included), not the objects the repositories build from them. Memory stores the objects
   * themselves, so there they are its rows, by dump table.
   */
  rawRows(): Promise<Record<string, unknown[]>>
  /** Deletes the audit entries with seq up to `seq`, as pruning the trail would (raw SQL; memory drops them). */
  pruneAuditEntries(throughSeq: number): Promise<void>
}

/** The SQL backends' tables, each with the order that makes its rows comparable from one read to the next. */
export const SQL_TABLES = {
  tasks: 'id',
  task_assignees: 'task_id, position',
  bugs: 'id',
  status_updates: 'id',
  design_notes: 'id',
  audit_entries: 'seq',
  api_tokens: 'id',
} as const

/** The trigger message both SQL backends raise for a refused audit write (`refuseAuditWrites`). */
export const AUDIT_REFUSED = 'audit write refused'
