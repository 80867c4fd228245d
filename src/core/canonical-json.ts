// RFC 8785 (JCS) canonical JSON of a value JSON.parse returned, written exactly as the `canonicalize` library
// writes it. The hash chain is defined by the library (src/domains/audit/chain.ts); this path exists because
// `trail audit verify` recomputes a million hashes from stored JSON text, and the library's general walk (a
// cycle check with a Set per call, toJSON, undefined, a character loop for lone surrogates) is most of that
// time. A parsed value has no cycle, no toJSON, no undefined and only finite numbers, so what is left is the
// same walk, minus the checks that cannot fire: keys sorted by UTF-16 code units (Array.prototype.sort, as the library does), strings and numbers
// by JSON.stringify (as the library does), and the same refusal of a lone surrogate. The property test
// test/unit/canonical-json.test.ts checks the two give the same text (or both refuse) on generated values.

/** Thrown for a string with a lone surrogate, with the library's message: RFC 8785 has no form for it. */
const loneSurrogate = () => new Error('Lone surrogate is not allowed')

/** A string as JCS writes it: JSON.stringify's escaping, refused when it is not well-formed UTF-16. */
export function canonicalString(text: string): string {
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) throw loneSurrogate()
  return JSON.stringify(text)
}

/**
 * Whether JSON.stringify writes `text` as itself between quotes (no quote, backslash, control character or lone
 * surrogate in it). Texts joined by an ASCII character can be asked at once: the joint cannot pair surrogates.
 */
export const needsNoEscape = (text: string): boolean =>
  !QUOTE_ESCAPE_OR_CONTROL.test(text) && (text as unknown as { isWellFormed(): boolean }).isWellFormed()

// Any code unit but the ones JSON.stringify writes as they are: control characters (below U+0020), " and \.
const QUOTE_ESCAPE_OR_CONTROL = /[^\u0020\u0021\u0023-\u005b\u005d-\uffff]/

/** The canonical text of `value`, which must be what JSON.parse returns (plain objects, arrays, primitives). */
export function canonicalParsedJson(value: unknown): string {
  if (typeof value === 'string') return canonicalString(value)
  if (typeof value === 'number') {
    // JSON.parse turns a number too large for a double into Infinity; the library refuses it, so do we.
    if (Number.isNaN(value)) throw new Error('NaN is not allowed')
    if (!Number.isFinite(value)) throw new Error('Infinity is not allowed')
    return JSON.stringify(value)
  }
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) {
    let text = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ','
      text += canonicalParsedJson(value[i])
    }
    return `${text}]`
  }
  const object = value as Record<string, unknown>
  const keys = Object.keys(object).sort()
  let text = '{'
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (i > 0) text += ','
    text += `${canonicalString(key)}:${canonicalParsedJson(object[key])}`
  }
  return `${text}}`
}

/**
 * The canonical text of JSON `text` when it is written as JSON.stringify writes (no whitespace, shortest
 * numbers) and only its members' order may differ from RFC 8785's, done on the text without parsing it: what
 * trail stores as an audit diff. Undefined for anything else (an escape or control character, a number or
 * space JSON.stringify would not write, a repeated key, text that is not JSON): canonicalParsedJson(JSON.parse)
 * then decides. When it answers, the answer is canonicalParsedJson(JSON.parse(text)); the property test holds
 * it to that on generated and damaged texts.
 */
export function canonicalJsonText(text: string): string | undefined {
  // A backslash or control character anywhere means an escape to check, or text JSON.parse would refuse.
  if (ESCAPE_OR_CONTROL.test(text) || !(text as unknown as { isWellFormed(): boolean }).isWellFormed())
    return undefined
  const scanner = { text, at: 0 }
  try {
    const canonical = scanValue(scanner)
    return scanner.at === text.length ? canonical : undefined
  } catch {
    // Nesting too deep for the stack: the slow path answers (or fails) as the library would.
    return undefined
  }
}

// Any code unit below U+0020, or \.
const ESCAPE_OR_CONTROL = /[^\u0020-\u005b\u005d-\uffff]/
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, QUOTE, COMMA, COLON] = [...'{}[]",:'].map((c) =>
  c.charCodeAt(0),
)

interface Scanner {
  text: string
  at: number
}

function scanValue(s: Scanner): string | undefined {
  const c = s.text.charCodeAt(s.at)
  if (c === OPEN_OBJECT) return scanObject(s)
  if (c === OPEN_ARRAY) return scanArray(s)
  if (c === QUOTE) return scanString(s)
  return scanScalar(s)
}

/** A string with no escape in it (checked up front) is already canonical: up to the next quote. */
function scanString(s: Scanner): string | undefined {
  const end = s.text.indexOf('"', s.at + 1)
  if (end < 0) return undefined
  const token = s.text.slice(s.at, end + 1)
  s.at = end + 1
  return token
}

/** A number, true, false or null, kept only when it is already written as canonicalization writes it. */
function scanScalar(s: Scanner): string | undefined {
  const start = s.at
  let c = s.text.charCodeAt(s.at)
  while (c !== COMMA && c !== CLOSE_ARRAY && c !== CLOSE_OBJECT && !Number.isNaN(c))
    c = s.text.charCodeAt(++s.at)
  const token = s.text.slice(start, s.at)
  if (token === 'true' || token === 'false' || token === 'null') return token
  const number = Number(token)
  return token !== '' && Number.isFinite(number) && JSON.stringify(number) === token ? token : undefined
}

function scanArray(s: Scanner): string | undefined {
  s.at++
  if (s.text.charCodeAt(s.at) === CLOSE_ARRAY) {
    s.at++
    return '[]'
  }
  let canonical = '['
  for (;;) {
    const value = scanValue(s)
    if (value === undefined) return undefined
    canonical += value
    const next = s.text.charCodeAt(s.at++)
    if (next === CLOSE_ARRAY) return `${canonical}]`
    if (next !== COMMA) return undefined
    canonical += ','
  }
}

/** Members sorted by key as they are read (insertion sort: a diff has a handful); a repeated key gives up. */
function scanObject(s: Scanner): string | undefined {
  s.at++
  if (s.text.charCodeAt(s.at) === CLOSE_OBJECT) {
    s.at++
    return '{}'
  }
  const keys: string[] = []
  const members: string[] = []
  for (;;) {
    if (s.text.charCodeAt(s.at) !== QUOTE) return undefined
    const quoted = scanString(s)
    if (quoted === undefined || s.text.charCodeAt(s.at++) !== COLON) return undefined
    const value = scanValue(s)
    if (value === undefined) return undefined
    // Without escapes a key's text is the key: compare it without its quotes, by UTF-16 code units.
    const key = quoted.slice(1, -1)
    let i = keys.length
    while (i > 0 && (keys[i - 1] as string) >= key) {
      if (keys[i - 1] === key) return undefined
      keys[i] = keys[i - 1] as string
      members[i] = members[i - 1] as string
      i--
    }
    keys[i] = key
    members[i] = `${quoted}:${value}`
    const next = s.text.charCodeAt(s.at++)
    if (next === CLOSE_OBJECT) return `{${members.join(',')}}`
    if (next !== COMMA) return undefined
  }
}
