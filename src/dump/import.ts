// `trail import`: reads the dump once, checking every line (header, every row against the API's schemas,
// canonical order, duplicate ids, references; validate.ts) as it loads the rows into an empty database in one
// transaction, which commits only once the end line's checks (counts, checksum, chain, references) pass. On any
// error the transaction rolls back, so nothing is written, and the error names the line.
import { statSync } from 'node:fs'
import type { DumpRepository, DumpRow, DumpTable } from '../persistence/contract.js'
import { type Counts, carries, type SecretOptions } from './format.js'
import type { Progress } from './progress.js'
import { type ValidatedDump, validateDump, validatedRows } from './validate.js'

export { DumpError, lines, MAX_LINE_BYTES } from './lines.js'
export { type ValidatedDump, validateDump } from './validate.js'

export interface ImportSummary {
  /** Rows loaded (or, in a dry run, that would be). */
  counts: Counts
  /** API tokens in the dump that were left out for want of --include-tokens. */
  skippedTokens: number
  /** Webhooks in the dump that were left out for want of --include-secrets. */
  skippedWebhooks: number
  bytes: number
  seconds: number
  loaded: boolean
}

/**
 * Validates (`dryRun`), or validates and loads in one reading of the file: the load's transaction commits only
 * once the whole dump has passed, so nothing is written unless everything is right.
 */
export async function importDump(
  path: string,
  target: { dump: DumpRepository; schemaVersion: number },
  options: { dryRun: boolean; progress: Progress } & SecretOptions,
): Promise<ImportSummary> {
  const started = performance.now()
  const { counts } = options.dryRun
    ? await validateDump(path, target.schemaVersion, options.progress)
    : await validateWhileLoading(path, target, options)
  // A dump's API tokens are kept only when asked (--include-tokens), its webhooks only with --include-secrets;
  // otherwise the target starts without any. Either way every row was validated.
  const loaded = Object.fromEntries(
    Object.entries(counts).map(([table, count]) => [table, carries(table as DumpTable, options) ? count : 0]),
  ) as Counts
  return {
    counts: loaded,
    skippedTokens: counts.api_tokens - loaded.api_tokens,
    skippedWebhooks: counts.webhooks - loaded.webhooks,
    bytes: statSync(path).size,
    seconds: (performance.now() - started) / 1000,
    loaded: !options.dryRun,
  }
}

/** Loads the rows as they pass; the load sees the end of its rows only after the end line's checks passed. */
async function validateWhileLoading(
  path: string,
  target: { dump: DumpRepository; schemaVersion: number },
  options: SecretOptions & { progress: Progress },
): Promise<ValidatedDump> {
  const rows = validatedRows(path, target.schemaVersion, options.progress, 'importing')
  let validated: ValidatedDump | undefined
  await target.dump.load(
    (async function* (): AsyncGenerator<DumpRow> {
      try {
        for (;;) {
          const next = await rows.next()
          if (next.done) {
            validated = next.value
            return
          }
          if (carries(next.value.table, options)) yield next.value
        }
      } finally {
        // A load that failed part way stops asking: the file is closed all the same.
        await rows.return(undefined as never)
      }
    })(),
  )
  if (validated === undefined) throw new Error('The load ended before the dump was read to its end')
  return validated
}
