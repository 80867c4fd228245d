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
  /**
   * Deletes every audit entry with a seq up to `seq`, as retention removes the oldest part of the trail,
   * behind the repositories' back (raw SQL on the SQL backends).
   */
  deleteAuditThrough(seq: number): Promise<void>
  /** Changes the stored audit trail behind the repositories' back, as someone with database access could. */
  tamperAudit(change: AuditTamper): Promise<void>
}

/** What `tamperAudit` does: raw SQL on the SQL backends, the log's objects on memory. */
export type AuditTamper =
  /** One field of one entry changed; its hashes left as they were. */
  | { op: 'set-actor'; seq: number; actor: string }
  | { op: 'delete'; seq: number }
  /** The entries at `seq` and `seq + 1` change places. */
  | { op: 'swap'; seq: number }
  /** One entry's diff stored as this text (the memory log keeps the value it parses to). */
  | { op: 'set-diff'; seq: number; diff: string }
  /** Entries rewritten, hashes and all (a forger who recomputes the chain). */
  | { op: 'rewrite'; entries: { seq: number; actor: string; prevHash: string; hash: string }[] }

/** The SQL statements of a tamper, for the SQL backends (values are test data, quoted as literals). */
export function tamperSql(change: AuditTamper): string {
  const text = (value: string) => `'${value.replaceAll("'", "''")}'`
  switch (change.op) {
    case 'set-actor':
      return `UPDATE audit_entries SET actor = ${text(change.actor)} WHERE seq = ${change.seq}`
    case 'set-diff':
      return `UPDATE audit_entries SET diff = ${text(change.diff)} WHERE seq = ${change.seq}`
    case 'delete':
      return `DELETE FROM audit_entries WHERE seq = ${change.seq}`
    case 'swap':
      return [
        `UPDATE audit_entries SET seq = -1 WHERE seq = ${change.seq}`,
        `UPDATE audit_entries SET seq = ${change.seq} WHERE seq = ${change.seq + 1}`,
        `UPDATE audit_entries SET seq = ${change.seq + 1} WHERE seq = -1`,
      ].join(';\n')
    case 'rewrite':
      return change.entries
        .map(
          (entry) =>
            `UPDATE audit_entries SET actor = ${text(entry.actor)}, prev_hash = ${text(entry.prevHash)}, hash = ${text(entry.hash)} WHERE seq = ${entry.seq}`,
        )
        .join(';\n')
  }
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
