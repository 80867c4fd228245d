// What text trail accepts, in one linear pass of simple tests (no pattern that can backtrack): the schemas'
// `text` format, the dump importer and the actor checks all use these.
//
// Acceptable text is well-formed UTF-16 (no lone surrogate: SQLite would store U+FFFD in its place and
// PostgreSQL something else, so the row, the answer and the audit trail would disagree), has no NUL
// (PostgreSQL cannot store it) and is not blank. Blank means made only of characters that show nothing
// on their own: White_Space, Default_Ignorable_Code_Point (zero-width space and joiners, soft hyphen,
// variation selectors, bidi marks, …), combining marks (\p{M}) and control characters (\p{Cc}).

// One character that shows nothing on its own, and one that does. One class each: no backtracking.
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}]/u
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}]/gu
// The same answer for every BMP code unit, from the regular expression, built on first use: a lookup per
// character is several times faster than the class test (40 ms on 1 MiB of zero-width spaces).
let invisibleBmp: Uint8Array | undefined

function bmpTable(): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit < 0xd800 || unit > 0xdfff) table[unit] = INVISIBLE.test(String.fromCharCode(unit)) ? 1 : 0
  }
  return table
}

/** Whether well-formed `s` has only invisible characters (see above). Linear; stops at the first visible one. */
function isBlank(s: string): boolean {
  const first = s.charCodeAt(0)
  if (first > 0x20 && first < 0x7f) return false
  invisibleBmp ??= bmpTable()
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdfff) {
      if (invisibleBmp[unit] === 0) return false
    } else {
      // Beyond the BMP (rare), the class scans the rest in one native pass.
      VISIBLE.lastIndex = i
      return !VISIBLE.test(s)
    }
  }
  return true
}

/** Whether a string has no lone surrogate (String.prototype.isWellFormed: Node 20 has it, ES2022 types do not). */
export const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed()

/** Why `s` is not acceptable text, as a message to show a client, or undefined if it is. */
export function problemWithText(s: string): string | undefined {
  if (!isWellFormed(s)) return 'must be well-formed Unicode (it has a lone surrogate)'
  if (s.includes('\u0000')) return 'must not contain a NUL character'
  if (isBlank(s)) return 'must not be blank'
  return undefined
}

/** Whether `s` is well-formed, has no NUL and is not blank. Lengths are the schemas' business. */
export const isAcceptableText = (s: string): boolean => problemWithText(s) === undefined

/** The format name the schemas use for acceptable text (see validation.ts). */
export const TEXT_FORMAT = 'text'
