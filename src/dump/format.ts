// The dump format (API.md): NDJSON with a header line, one line per row in canonical order, and an end
// line with the counts and a SHA-256 over the row lines. Rows are serialized with their schema's key order,
// so every backend writes the same bytes for the same data.
import type { TObject } from '@sinclair/typebox'
import { StoredToken } from '../auth/schemas.js'
import { AuditEntry } from '../domains/audit/schemas.js'
import { Bug } from '../domains/bugs/schemas.js'
import { DesignNote } from '../domains/design-notes/schemas.js'
import { StatusUpdate } from '../domains/status-updates/schemas.js'
import { Task } from '../domains/tasks/schemas.js'
import { DumpedWebhook } from '../domains/webhooks/schemas.js'
import { DUMP_TABLES, type DumpRow, type DumpTable } from '../persistence/contract.js'

export const FORMAT = 'trail-dump'
export const FORMAT_VERSION = 1

export type Counts = Record<DumpTable, number>

export interface Header {
  format: typeof FORMAT
  formatVersion: number
  schemaVersion: number
  exportedAt: string
  counts: Counts
}

export interface End {
  end: true
  counts: Counts
  sha256: string
}

/** The schema each table's rows must match: the API's own. */
export const ROW_SCHEMAS: Record<DumpTable, TObject> = {
  tasks: Task,
  bugs: Bug,
  status_updates: StatusUpdate,
  design_notes: DesignNote,
  audit_entries: AuditEntry,
  api_tokens: StoredToken,
  webhooks: DumpedWebhook,
}

const KEY_ORDER = Object.fromEntries(
  DUMP_TABLES.map((table) => [table, Object.keys(ROW_SCHEMAS[table].properties)]),
) as Record<DumpTable, string[]>

export const emptyCounts = (): Counts => Object.fromEntries(DUMP_TABLES.map((table) => [table, 0])) as Counts

/** One row line, without its newline: `{"table":…,"row":{…}}` with the row's keys in schema order. */
export function rowLine({ table, row }: DumpRow): string {
  const fields = row as unknown as Record<string, unknown>
  const ordered: Record<string, unknown> = {}
  for (const key of KEY_ORDER[table]) ordered[key] = fields[key]
  return JSON.stringify({ table, row: ordered })
}

/** What a dump carries only when asked: API tokens (their hashes) and webhooks (with their signing secrets). */
export interface SecretOptions {
  /** `--include-tokens`: the api_tokens rows. */
  includeTokens?: boolean
  /** `--include-secrets`: the webhooks rows, secrets and delivery state included. */
  includeSecrets?: boolean
}

/** Whether rows of `table` leave (or, on import, enter) a database under `options`. */
export const carries = (table: DumpTable, options: SecretOptions): boolean =>
  table === 'api_tokens'
    ? options.includeTokens === true
    : table === 'webhooks'
      ? options.includeSecrets === true
      : true
