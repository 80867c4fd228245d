// Audit archives (API.md "Retention"): NDJSON like a dump, a prefix of the chain. A header with the first and
// last entry's seq and hash, one `{"table":"audit_entries","row":…}` line per entry in seq order, and an end
// line with the count and a SHA-256 over the entry lines. Written under a temporary name, fsynced, then linked
// into place (never replacing a file), so an archive either is complete and durable or is not there.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ValidateFunction } from 'ajv'
import { compileStrict } from '../core/validation.js'
import { AuditEntry } from '../domains/audit/schemas.js'
import { rowLine } from '../dump/format.js'
import { DumpError, isObject, lines, parse } from '../dump/lines.js'

export const ARCHIVE_FORMAT = 'trail-audit-archive'
export const ARCHIVE_FORMAT_VERSION = 1

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT
  formatVersion: number
  first: { seq: number; hash: string }
  last: { seq: number; hash: string }
  createdAt: string
}

export interface WrittenArchive {
  entries: number
  /** SHA-256 of the whole file, as `sha256sum` prints it: what the prune entry records. */
  sha256: string
}

/** Writes `entries` (seq order, from `first` through `last`) to a new file at `path`, durably. */
export async function writeArchive(
  path: string,
  bounds: { first: AuditEntry; last: AuditEntry; createdAt: string },
  entries: AsyncIterable<AuditEntry>,
): Promise<WrittenArchive> {
  const partial = `${path}.partial.${randomBytes(6).toString('hex')}`
  const fd = openSync(partial, 'wx')
  const file = createHash('sha256')
  const rows = createHash('sha256')
  const write = (text: string) => {
    const bytes = Buffer.from(text)
    file.update(bytes)
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written)
  }
  let count = 0
  try {
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      first: { seq: bounds.first.seq, hash: bounds.first.hash },
      last: { seq: bounds.last.seq, hash: bounds.last.hash },
      createdAt: bounds.createdAt,
    }
    write(`${JSON.stringify(header)}\n`)
    let buffered = ''
    for await (const entry of entries) {
      const line = `${rowLine({ table: 'audit_entries', row: entry })}\n`
      rows.update(line)
      buffered += line
      count++
      if (buffered.length > 1 << 20) {
        write(buffered)
        buffered = ''
      }
    }
    write(buffered)
    write(`${JSON.stringify({ end: true, counts: { audit_entries: count }, sha256: rows.digest('hex') })}\n`)
    fsyncSync(fd)
    closeSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(partial, { force: true })
    throw error
  }
  try {
    linkSync(partial, path)
  } finally {
    rmSync(partial, { force: true })
  }
  syncDirectory(dirname(path))
  return { entries: count, sha256: file.digest('hex') }
}

/** Makes a new name in `dir` durable (the file's own fsync does not cover its directory entry). */
function syncDirectory(dir: string) {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

let validateEntry: ValidateFunction | undefined

/**
 * The entries of an archive, in file order, each checked against the API's schema; the header's bounds, the
 * count and the checksum are checked too. A problem throws a DumpError naming the line. Memory stays flat.
 */
export async function* readArchive(path: string): AsyncGenerator<AuditEntry> {
  validateEntry ??= compileStrict(AuditEntry)
  const rows = createHash('sha256')
  let header: ArchiveHeader | undefined
  let count = 0
  let last: AuditEntry | undefined
  for await (const [number, line] of lines(path)) {
    const value = parse(number, line)
    if (header === undefined) {
      if (
        !isObject(value) ||
        value.format !== ARCHIVE_FORMAT ||
        value.formatVersion !== ARCHIVE_FORMAT_VERSION
      )
        throw new DumpError(number, `not a ${ARCHIVE_FORMAT} file (version ${ARCHIVE_FORMAT_VERSION})`)
      header = value as unknown as ArchiveHeader
      continue
    }
    if (isObject(value) && value.end === true) {
      const counts = value.counts as { audit_entries?: unknown } | undefined
      if (counts?.audit_entries !== count)
        throw new DumpError(
          number,
          `the end line counts ${counts?.audit_entries} entries; the file has ${count}`,
        )
      if (value.sha256 !== rows.digest('hex'))
        throw new DumpError(
          number,
          'the checksum does not match the entries: the archive was damaged or edited',
        )
      if (last === undefined || last.seq !== header.last.seq || last.hash !== header.last.hash)
        throw new DumpError(number, 'the last entry is not the one the header names')
      return
    }
    if (!isObject(value) || value.table !== 'audit_entries' || !validateEntry(value.row))
      throw new DumpError(number, 'expected an audit entry line {"table":"audit_entries","row":{…}}')
    const entry = value.row as AuditEntry
    if (count === 0 && (entry.seq !== header.first.seq || entry.hash !== header.first.hash))
      throw new DumpError(number, 'the first entry is not the one the header names')
    rows.update(`${line}\n`)
    count++
    last = entry
    yield entry
  }
  throw new DumpError(undefined, `${path} has no end line: the archive is incomplete`)
}
