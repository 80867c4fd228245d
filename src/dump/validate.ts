// Validating a dump before anything is loaded. A dump has three kinds of line: the header (first), one row
// line per row (in canonical order) and the end line (last); each has a check of its own below, and the row
// line's check is made of smaller ones. The first problem throws a DumpError naming its line.
import { createHash, type Hash } from 'node:crypto'
import { statSync } from 'node:fs'
import type { ValidateFunction } from 'ajv'
import { TEXT_FORMAT } from '../core/text.js'
import { compileStrict } from '../core/validation.js'
import { ChainVerifier, describeFailure } from '../domains/audit/verify.js'
import { DUMP_TABLES, type DumpRow, type DumpTable } from '../persistence/contract.js'
import { type Counts, emptyCounts, FORMAT, FORMAT_VERSION, type Header, ROW_SCHEMAS } from './format.js'
import { UuidSet } from './id-set.js'
import { DumpError, isObject, lines, parse } from './lines.js'
import type { Progress } from './progress.js'

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

/** Where a row stands in its table's canonical order. */
type Position = { time: string; id: string; seq: number }

const positionOf = (entry: DumpRow): Position =>
  entry.table === 'audit_entries'
    ? { time: '', id: '', seq: entry.row.seq }
    : { time: entry.row.createdAt, id: entry.row.id, seq: 0 }

export interface ValidatedDump {
  header: Header
  counts: Counts
}

/** What the lines read so far establish, for checking the next one. */
interface Reading {
  header?: Header
  ended: boolean
  /** Rows per table so far. */
  counts: Counts
  /** SHA-256 over the row lines so far, each with its newline. */
  hash: Hash
  ids: Record<DumpTable, UuidSet>
  /** Each superseding note's line and id: checked at the end line, since a note names a later one. */
  supersededBy: [number, string][]
  /** Where in DUMP_TABLES the rows have got to. */
  tableIndex: number
  /** The previous row of the current table. */
  previous?: Position
  /** The audit entries' hash chain, checked line by line (the same check as `trail audit verify`). */
  chain: ChainVerifier
  /** The seq of the last audit entry so far (0 before any): no webhook can have delivered past it. */
  lastSeq: number
}

/** Reads the whole dump once and throws a DumpError at the first problem. Memory stays flat. */
export async function validateDump(
  path: string,
  schemaVersion: number,
  progress: Progress,
): Promise<ValidatedDump> {
  const rows = validatedRows(path, schemaVersion, progress, 'validating')
  for (;;) {
    const next = await rows.next()
    if (next.done) return next.value
  }
}

/**
 * The dump's rows, each yielded once its line passed every check so far; the checks that need the whole file
 * (counts, checksum, chain head, note references) run at the end line, before the generator returns. A consumer
 * that acts on the rows must therefore be able to undo it all when the generator throws (an import loads them
 * in one transaction), and count nothing as done until it has returned.
 */
export async function* validatedRows(
  path: string,
  schemaVersion: number,
  progress: Progress,
  label: string,
): AsyncGenerator<DumpRow, ValidatedDump> {
  const reading: Reading = {
    ended: false,
    counts: emptyCounts(),
    hash: createHash('sha256'),
    // Replaced by sets sized for the header's counts once it is read.
    ids: idSetsFor(emptyCounts(), 0),
    supersededBy: [],
    tableIndex: 0,
    chain: new ChainVerifier(),
    lastSeq: 0,
  }
  for await (const [number, line] of lines(path)) {
    if (reading.ended) throw new DumpError(number, 'content after the end line')
    const value = parse(number, line)
    if (reading.header === undefined) {
      reading.header = checkHeader(number, value, schemaVersion)
      reading.ids = idSetsFor(reading.header.counts, statSync(path).size)
      progress.start(
        label,
        Object.values(reading.header.counts).reduce((a, b) => a + b, 0),
      )
    } else if (isObject(value) && value.end === true) {
      checkEndLine(number, value, reading, reading.header)
    } else {
      checkRowLine(number, value, reading)
      reading.hash.update(`${line}\n`)
      progress.advance(1)
      yield value as DumpRow
    }
  }
  progress.stop()
  if (reading.header === undefined) throw new DumpError(undefined, 'the file is empty')
  if (!reading.ended) throw new DumpError(undefined, 'no end line: the dump is truncated')
  return { header: reading.header, counts: reading.counts }
}

/** No row line is shorter: `{"table":"bugs","row":{"id":"…"}}` alone is 57 bytes, and every row has more. */
const MIN_ROW_LINE_BYTES = 64

/**
 * Id sets sized for the header's counts, so they never grow (growing holds the old table beside the new one).
 * The header is not trusted yet: counts more rows than the file could hold are no hint, and the sets start
 * small and grow as rows come.
 */
function idSetsFor(counts: Counts, fileBytes: number): Record<DumpTable, UuidSet> {
  const total = DUMP_TABLES.reduce((sum, table) => sum + counts[table], 0)
  const plausible = total <= fileBytes / MIN_ROW_LINE_BYTES
  return Object.fromEntries(
    DUMP_TABLES.map((table) => [table, new UuidSet(plausible ? counts[table] : 0)]),
  ) as Record<DumpTable, UuidSet>
}

/** The first line: this format and version, this database's schema version, and the counts to expect. */
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

/** The last line: the counts agree with the rows and the header, the checksum holds, every note reference too. */
function checkEndLine(number: number, value: Record<string, unknown>, reading: Reading, header: Header) {
  const { counts } = reading
  if (!checkCounts(value.counts)) throw new DumpError(number, 'the end line has no valid counts')
  for (const table of DUMP_TABLES) {
    if (value.counts[table] !== counts[table] || header.counts[table] !== counts[table]) {
      throw new DumpError(
        number,
        `${table}: the file has ${counts[table]} rows but says ${header.counts[table]} (header) and ${value.counts[table]} (end)`,
      )
    }
  }
  if (value.sha256 !== reading.hash.digest('hex'))
    throw new DumpError(number, 'the checksum does not match the rows: the file was damaged or edited')
  const broken = reading.chain.finish()
  if (broken !== undefined)
    throw new DumpError(number, `the audit chain does not verify: ${describeFailure(broken)}`)
  for (const [at, id] of reading.supersededBy) {
    if (!reading.ids.design_notes.has(id))
      throw new DumpError(at, `supersededBy ${id} names no design note in the dump`)
  }
  reading.ended = true
}

/** A row line: its shape, its table's place, the row itself, its order, its id and its references. */
function checkRowLine(number: number, value: unknown, reading: Reading) {
  checkRowLineShape(number, value)
  const { table } = value
  checkTableOrder(number, table, reading)
  const validate = validators[table]
  if (!validate(value.row)) throw new DumpError(number, `${table} row: ${describe(validate)}`)
  const entry = value as DumpRow
  checkRowOrder(number, entry, reading)
  if (!reading.ids[table].add(entry.row.id))
    throw new DumpError(number, `duplicate ${table} id ${entry.row.id}`)
  checkReferences(number, entry, reading)
  if (entry.table === 'audit_entries') {
    const broken = reading.chain.next(entry.row)
    if (broken !== undefined)
      throw new DumpError(number, `the audit chain does not verify: ${describeFailure(broken)}`)
    reading.lastSeq = entry.row.seq
  }
  reading.counts[table]++
}

/** `{"table": …, "row": …}` and nothing else, naming a dump table. */
function checkRowLineShape(
  number: number,
  value: unknown,
): asserts value is { table: DumpTable; row: unknown } {
  if (
    !isObject(value) ||
    Object.keys(value).length !== 2 ||
    typeof value.table !== 'string' ||
    !('row' in value)
  ) {
    throw new DumpError(number, 'expected a row line {"table": …, "row": {…}} or the end line')
  }
  if (!DUMP_TABLES.includes(value.table as DumpTable))
    throw new DumpError(number, `unknown table "${value.table}"`)
}

/** Tables come in DUMP_TABLES order, each in one run. */
function checkTableOrder(number: number, table: DumpTable, reading: Reading) {
  const index = DUMP_TABLES.indexOf(table)
  if (index < reading.tableIndex)
    throw new DumpError(number, `${table} rows must come before ${DUMP_TABLES[reading.tableIndex]} rows`)
  if (index > reading.tableIndex) reading.previous = undefined
  reading.tableIndex = index
}

/**
 * Rows in creation order (then id) without repeats; the audit trail numbered without gaps (from 1, or from just
 * after what a prune archived: the chain check decides).
 */
function checkRowOrder(number: number, entry: DumpRow, reading: Reading) {
  const { previous } = reading
  const position = positionOf(entry)
  const audit = entry.table === 'audit_entries'
  if (
    previous !== undefined &&
    (audit
      ? position.seq !== previous.seq + 1
      : position.time < previous.time || (position.time === previous.time && position.id <= previous.id))
  ) {
    throw new DumpError(
      number,
      audit
        ? `audit seq ${position.seq} does not follow ${previous.seq}`
        : `${entry.table} rows are not in creation order (a duplicate or an edited file?)`,
    )
  }
  reading.previous = position
}

const isWebUrl = (url: string) => ['http:', 'https:'].includes(URL.parse(url)?.protocol ?? '')

/**
 * A bug's or status update's task is earlier in the dump; a superseding note is noted for the end line; a
 * webhook's URL is http(s) (whether its host may be reached is checked again at every delivery) and it has
 * not delivered past the dump's audit trail, which comes before it.
 */
function checkReferences(number: number, entry: DumpRow, reading: Reading) {
  if ((entry.table === 'bugs' || entry.table === 'status_updates') && entry.row.taskId !== null) {
    if (!reading.ids.tasks.has(entry.row.taskId)) {
      throw new DumpError(number, `taskId ${entry.row.taskId} names no task in the dump`)
    }
  }
  // A note is superseded by a later one, so that reference is checked once all notes are read.
  if (entry.table === 'design_notes' && entry.row.supersededBy !== null)
    reading.supersededBy.push([number, entry.row.supersededBy])
  if (entry.table === 'webhooks') {
    if (!isWebUrl(entry.row.url)) throw new DumpError(number, 'a webhook url must be an http(s) URL')
    if (entry.row.deliveredThroughSeq > reading.lastSeq)
      throw new DumpError(
        number,
        `deliveredThroughSeq ${entry.row.deliveredThroughSeq} is past the last audit entry in the dump (${reading.lastSeq})`,
      )
  }
}
