// What text trail accepts, in one linear pass of simple tests (no pattern that can backtrack): the schemas'
// `text` format, the dump importer and the actor checks all use these.
//
// Acceptable text is well-formed UTF-16 (no lone surrogate: SQLite would store U+FFFD in its place and
// PostgreSQL something else, so the row, the answer and the audit trail would disagree), has no NUL
// (PostgreSQL cannot store it) and is not blank. Blank means made only of characters that show nothing
// on their own: White_Space, Default_Ignorable_Code_Point (zero-width space and joiners, soft hyphen,
// variation selectors, bidi marks, …), combining marks (\p{M}) and control characters (\p{Cc}).

// Non-sticky, unanchored, one character class: a single forward scan, linear in the string's length.
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}]/u

/** Whether a string has no lone surrogate (String.prototype.isWellFormed: Node 20 has it, ES2022 types do not). */
export const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed()

/** Why `s` is not acceptable text, as a message to show a client, or undefined if it is. */
export function problemWithText(s: string): string | undefined {
  if (!isWellFormed(s)) return 'must be well-formed Unicode (it has a lone surrogate)'
  if (s.includes('\u0000')) return 'must not contain a NUL character'
  if (!VISIBLE.test(s)) return 'must not be blank'
  return undefined
}

/** Whether `s` is well-formed, has no NUL and is not blank. Lengths are the schemas' business. */
export const isAcceptableText = (s: string): boolean => problemWithText(s) === undefined

/** The format name the schemas use for acceptable text (see validation.ts). */
export const TEXT_FORMAT = 'text'
