// `trail import`: validates the whole dump first (header, every row against the API's schemas, canonical
// order, duplicate ids, references, counts, checksum, the end line), then loads it into an empty database
// in one transaction. On any error nothing is written, and the error names the line.
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import type { ValidateFunction } from 'ajv'
import { isWellFormed, TEXT_FORMAT } from '../core/text.js'
import { compileStrict } from '../core/validation.js'
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json.js'
import { DUMP_TABLES, type DumpRepository, type DumpRow, type DumpTable } from '../persistence/contract.js'
import { type Counts, emptyCounts, FORMAT, FORMAT_VERSION, type Header, ROW_SCHEMAS } from './format.js'
import { UuidSet } from './id-set.js'
import type { Progress } from './progress.js'

export class DumpError extends Error {
  constructor(
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? problem : `line ${line}: ${problem}`)
    this.name = 'DumpError'
  }
}

const validators = Object.fromEntries(
  DUMP_TABLES.map((table) => [table, compileStrict(ROW_SCHEMAS[table])]),
) as Record<DumpTable, ValidateFunction>

const describe = (validate: ValidateFunction) =>
  (validate.errors ?? [])
    .slice(0, 3)
    .map((e) =>
      e.keyword === 'additionalProperties'
        ? `unknown field ${e.instancePath}/${e.params.additionalProperty}`
        : e.keyword === 'format' && e.params.format === TEXT_FORMAT
          ? `${e.instancePath} must not be blank, contain a NUL character or a lone surrogate`
          : `${e.instancePath || 'row'} ${e.message}`,
    )
    .join('; ')

/**
 * Longest line a dump may have. A task's rationale log has no limit, so neither has its row nor the audit
 * entry that records it (before and after): 64 MiB is room for thousands of 4,000-character rationales,
 * while a hostile file cannot make one line take gigabytes before it is refused.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d

/** The file's lines (numbered from 1, without `\n` or a `\r` before it), each at most `maxBytes` long. */
export async function* lines(path: string, maxBytes = MAX_LINE_BYTES): AsyncGenerator<[number, string]> {
  let pieces: Buffer[] = []
  let pending = 0
  let number = 0
  const text = (last: Buffer) => {
    const bytes = pieces.length === 0 ? last : Buffer.concat([...pieces, last])
    pieces = []
    pending = 0
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length
    return bytes.toString('utf8', 0, end)
  }
  const tooLong = () => new DumpError(number + 1, `the line is longer than ${maxBytes} bytes`)
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, start)) {
      if (pending + at - start > maxBytes) throw tooLong()
      yield [++number, text(chunk.subarray(start, at))]
      start = at + 1
    }
    if (start < chunk.length) {
      pending += chunk.length - start
      if (pending > maxBytes) throw tooLong()
      pieces.push(chunk.subarray(start))
    }
  }
  if (pending > 0) yield [++number, text(Buffer.alloc(0))]
}

function parse(number: number, line: string): unknown {
  if (nestsDeeperThan(line)) throw new DumpError(number, `nests deeper than ${MAX_JSON_DEPTH} levels`)
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new DumpError(number, 'not valid JSON (a damaged or truncated file?)')
  }
  // A decoded line is well-formed: only a \uD800–\uDFFF escape can make a lone surrogate, in any string (an
  // audit diff's values are not Text). SQLite and PostgreSQL would each store something else in its place.
  if (SURROGATE_ESCAPE.test(line) && hasLoneSurrogate(value))
    throw new DumpError(number, 'a string has a lone surrogate (not well-formed Unicode)')
  return value
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return !isWellFormed(value)
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some(hasLoneSurrogate)
  return Object.entries(value).some(([key, item]) => !isWellFormed(key) || hasLoneSurrogate(item))
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Where a row stands in its table's canonical order. */
const positionOf = (entry: DumpRow) =>
  entry.table === 'audit_entries'
    ? { time: '', id: '', seq: entry.row.seq }
    : { time: entry.row.createdAt, id: entry.row.id, seq: 0 }

export interface ValidatedDump {
  header: Header
  counts: Counts
}

/** Reads the whole dump once and throws a DumpError at the first problem. Memory stays flat. */
export async function validateDump(
  path: string,
  schemaVersion: number,
  progress: Progress,
): Promise<ValidatedDump> {
  let header: Header | undefined
  let ended = false
  const counts = emptyCounts()
  const hash = createHash('sha256')
  const ids: Record<DumpTable, UuidSet> = Object.fromEntries(
    DUMP_TABLES.map((t) => [t, new UuidSet()]),
  ) as never
  const supersededBy: [number, string][] = []
  let tableIndex = 0
  let previous: { time: string; id: string; seq: number } | undefined

  for await (const [number, line] of lines(path)) {
    if (ended) throw new DumpError(number, 'content after the end line')
    const value = parse(number, line)
    if (header === undefined) {
      header = checkHeader(number, value, schemaVersion)
      progress.start(
        'validating',
        Object.values(header.counts).reduce((a, b) => a + b, 0),
      )
      continue
    }
    if (isObject(value) && value.end === true) {
      checkEnd(number, value, counts, header.counts, hash.digest('hex'))
      for (const [at, id] of supersededBy) {
        if (!ids.design_notes.has(id))
          throw new DumpError(at, `supersededBy ${id} names no design note in the dump`)
      }
      ended = true
      continue
    }
    if (
      !isObject(value) ||
      Object.keys(value).length !== 2 ||
      typeof value.table !== 'string' ||
      !('row' in value)
    ) {
      throw new DumpError(number, 'expected a row line {"table": …, "row": {…}} or the end line')
    }
    const table = value.table as DumpTable
    const index = DUMP_TABLES.indexOf(table)
    if (index < 0) throw new DumpError(number, `unknown table "${value.table}"`)
    if (index < tableIndex)
      throw new DumpError(number, `${table} rows must come before ${DUMP_TABLES[tableIndex]} rows`)
    if (index > tableIndex) previous = undefined
    tableIndex = index
    const validate = validators[table]
    if (!validate(value.row)) throw new DumpError(number, `${table} row: ${describe(validate)}`)
    const entry = value as DumpRow
    const position = positionOf(entry)
    if (
      previous !== undefined &&
      (table === 'audit_entries'
        ? position.seq !== previous.seq + 1
        : position.time < previous.time || (position.time === previous.time && position.id <= previous.id))
    ) {
      throw new DumpError(
        number,
        table === 'audit_entries'
          ? `audit seq ${position.seq} does not follow ${previous.seq}`
          : `${table} rows are not in creation order (a duplicate or an edited file?)`,
      )
    }
    if (table === 'audit_entries' && previous === undefined && position.seq !== 1) {
      throw new DumpError(number, `audit seq must start at 1, found ${position.seq}`)
    }
    previous = position
    if (!ids[table].add(entry.row.id)) throw new DumpError(number, `duplicate ${table} id ${entry.row.id}`)
    checkReferences(number, entry, ids, supersededBy)
    counts[table]++
    hash.update(`${line}\n`)
    progress.advance(1)
  }
  progress.stop()
  if (header === undefined) throw new DumpError(undefined, 'the file is empty')
  if (!ended) throw new DumpError(undefined, 'no end line: the dump is truncated')
  return { header, counts }
}

function checkHeader(number: number, value: unknown, schemaVersion: number): Header {
  if (!isObject(value) || value.format !== FORMAT) throw new DumpError(number, `not a ${FORMAT} file`)
  if (value.formatVersion !== FORMAT_VERSION) {
    throw new DumpError(
      number,
      `format version ${value.formatVersion} is not supported (this trail reads ${FORMAT_VERSION})`,
    )
  }
  if (value.schemaVersion !== schemaVersion) {
    throw new DumpError(
      number,
      `the dump has schema version ${value.schemaVersion} and this database has ${schemaVersion}; ` +
        'import it with the trail release that exported it, or export it again from a database migrated to the same version',
    )
  }
  if (!checkCounts(value.counts)) throw new DumpError(number, 'the header has no valid counts')
  return value as unknown as Header
}

function checkCounts(value: unknown): value is Counts {
  return (
    isObject(value) &&
    Object.keys(value).length === DUMP_TABLES.length &&
    DUMP_TABLES.every((table) => Number.isInteger(value[table]) && (value[table] as number) >= 0)
  )
}

function checkEnd(
  number: number,
  value: Record<string, unknown>,
  counts: Counts,
  announced: Counts,
  sha256: string,
) {
  if (!checkCounts(value.counts)) throw new DumpError(number, 'the end line has no valid counts')
  for (const table of DUMP_TABLES) {
    if (value.counts[table] !== counts[table] || announced[table] !== counts[table]) {
      throw new DumpError(
        number,
        `${table}: the file has ${counts[table]} rows but says ${announced[table]} (header) and ${value.counts[table]} (end)`,
      )
    }
  }
  if (value.sha256 !== sha256)
    throw new DumpError(number, 'the checksum does not match the rows: the file was damaged or edited')
}

function checkReferences(
  number: number,
  entry: DumpRow,
  ids: Record<DumpTable, UuidSet>,
  supersededBy: [number, string][],
) {
  if ((entry.table === 'bugs' || entry.table === 'status_updates') && entry.row.taskId !== null) {
    if (!ids.tasks.has(entry.row.taskId)) {
      throw new DumpError(number, `taskId ${entry.row.taskId} names no task in the dump`)
    }
  }
  // A note is superseded by a later one, so that reference is checked once all notes are read.
  if (entry.table === 'design_notes' && entry.row.supersededBy !== null)
    supersededBy.push([number, entry.row.supersededBy])
}

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
  bytes: number
  seconds: number
  loaded: boolean
}

/** Validates, then (unless `dryRun`) loads; nothing is written unless everything is right. */
export async function importDump(
  path: string,
  target: { dump: DumpRepository; schemaVersion: number },
  options: { dryRun: boolean; progress: Progress; includeTokens?: boolean },
): Promise<ImportSummary> {
  const started = performance.now()
  const { counts } = await validateDump(path, target.schemaVersion, options.progress)
  // A dump's API tokens are kept only when asked (--include-tokens); otherwise the target starts without any.
  const keepTokens = options.includeTokens === true
  const loaded = keepTokens ? counts : { ...counts, api_tokens: 0 }
  if (!options.dryRun) {
    const total = Object.values(loaded).reduce((a, b) => a + b, 0)
    options.progress.start('loading', total)
    const progress = options.progress
    await target.dump.load(
      (async function* () {
        for await (const row of dumpRows(path)) {
          if (row.table === 'api_tokens' && !keepTokens) continue
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
    bytes: statSync(path).size,
    seconds: (performance.now() - started) / 1000,
    loaded: !options.dryRun,
  }
}
