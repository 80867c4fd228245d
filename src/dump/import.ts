// `trail import`: validates the whole dump first (header, every row against the API's schemas, canonical
// order, duplicate ids, references, counts, checksum, the end line: validate.ts), then loads it into an empty
// database in one transaction. On any error nothing is written, and the error names the line.
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import type { DumpRepository, DumpRow, DumpTable } from '../persistence/contract.js'
import { type Counts, carries, type SecretOptions } from './format.js'
import { DumpError, isObject, lines, parse } from './lines.js'
import type { Progress } from './progress.js'
import { validateDump } from './validate.js'

export { DumpError, lines, MAX_LINE_BYTES } from './lines.js'
export { type ValidatedDump, validateDump } from './validate.js'

/**
 * The rows of an already validated dump, read again for loading. The checksum is checked again at the end
 * line, so a file changed since validation makes the load fail (and roll back) rather than load it.
 */
export async function* dumpRows(path: string): AsyncGenerator<DumpRow> {
  const hash = createHash('sha256')
  for await (const [number, line] of lines(path)) {
    if (number === 1) continue
    const value = parse(number, line)
    if (isObject(value) && value.end === true) {
      if (value.sha256 !== hash.digest('hex'))
        throw new DumpError(number, 'the file changed while it was being imported')
      return
    }
    hash.update(`${line}\n`)
    yield value as DumpRow
  }
  throw new DumpError(undefined, 'the file lost its end line while it was being imported')
}

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

/** Validates, then (unless `dryRun`) loads; nothing is written unless everything is right. */
export async function importDump(
  path: string,
  target: { dump: DumpRepository; schemaVersion: number },
  options: { dryRun: boolean; progress: Progress } & SecretOptions,
): Promise<ImportSummary> {
  const started = performance.now()
  const { counts } = await validateDump(path, target.schemaVersion, options.progress)
  // A dump's API tokens are kept only when asked (--include-tokens), its webhooks only with --include-secrets;
  // otherwise the target starts without any. Either way every row was validated above.
  const loaded = Object.fromEntries(
    Object.entries(counts).map(([table, count]) => [table, carries(table as DumpTable, options) ? count : 0]),
  ) as Counts
  if (!options.dryRun) {
    const total = Object.values(loaded).reduce((a, b) => a + b, 0)
    options.progress.start('loading', total)
    const progress = options.progress
    await target.dump.load(
      (async function* () {
        for await (const row of dumpRows(path)) {
          if (!carries(row.table, options)) continue
          progress.advance(1)
          yield row
        }
      })(),
    )
    progress.stop()
  }
  return {
    counts: loaded,
    skippedTokens: counts.api_tokens - loaded.api_tokens,
    skippedWebhooks: counts.webhooks - loaded.webhooks,
    bytes: statSync(path).size,
    seconds: (performance.now() - started) / 1000,
    loaded: !options.dryRun,
  }
}
