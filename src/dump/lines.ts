// Reading a dump file: its lines, numbered from 1 and bounded in length, each parsed as one JSON value. Every
// problem is a DumpError that names the line.
import { createReadStream } from 'node:fs'
import { isWellFormed } from '../core/text.js'
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json.js'

export class DumpError extends Error {
  constructor(
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? problem : `line ${line}: ${problem}`)
    this.name = 'DumpError'
  }
}

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

export function parse(number: number, line: string): unknown {
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

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
