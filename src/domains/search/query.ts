// Search queries, parsed once for every backend, so each dialect gets the same words: a query is words and
// "quoted phrases", all of which must match. Anything else (operators, punctuation) only separates words, so
// no input can make a backend's query syntax fail. Words fold like SQLite's unicode61 tokenizer (lower case,
// diacritics removed) and stem with Porter's algorithm (the `stemmer` package, SQLite's `porter`).
import { stemmer } from 'stemmer'
import { validationFailed } from '../../core/errors.js'

/** One term: a single word, or a phrase whose words must follow each other. */
export interface SearchTerm {
  words: string[]
  phrase: boolean
}

/**
 * PostgreSQL's `english` stop words (Snowball's list). They are left out of queries on every backend, since the
 * `english` configuration drops them from its index; a query of only stop words finds nothing anywhere.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
    'herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
    'are was were be been being have has had having do does did doing a an the and but if or because as until ' +
    'while of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further then once here there when where why how all any both each ' +
    'few more most other some such no nor not only own same so than too very s t can will just don should now'
  ).split(' '),
)

const WORD = /[\p{L}\p{N}]+/gu
const DIACRITICS = /\p{M}+/gu

/** The words of `text`, folded: lower case, without diacritics; every other character separates. */
export function words(text: string): string[] {
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().match(WORD) ?? []
}

export const stem = (word: string) => stemmer(word)

/** The terms of `q` (phrases in double quotes; an unclosed quote runs to the end). A 400 when it has no word. */
export function parseSearch(q: string): SearchTerm[] {
  const terms: SearchTerm[] = []
  q.split('"').forEach((part, i) => {
    const found = words(part)
    if (i % 2 === 1 && found.length > 1) terms.push({ words: found, phrase: true })
    else for (const word of found) terms.push({ words: [word], phrase: false })
  })
  if (terms.length === 0)
    throw validationFailed('The search query has no word to look for', [
      { path: '/querystring/q', message: 'must contain a letter or a digit' },
    ])
  return terms
}

/** The terms that constrain anything: a lone stop word or a phrase of only stop words constrains nothing. */
export const effectiveTerms = (terms: SearchTerm[]) =>
  terms.filter((term) => term.words.some((word) => !STOP_WORDS.has(word)))

/**
 * The FTS5 MATCH expression: each term a quoted string (a phrase when it has several words), joined by
 * implicit AND. The words hold only letters and digits, so the quoting cannot be escaped. Null: nothing to find.
 */
export function toFts5Match(terms: SearchTerm[]): string | null {
  const kept = effectiveTerms(terms)
  return kept.length === 0 ? null : kept.map((term) => `"${term.words.join(' ')}"`).join(' ')
}

/** The text for PostgreSQL's websearch_to_tsquery: words, and phrases in double quotes. Null: nothing to find. */
export function toWebsearch(terms: SearchTerm[]): string | null {
  const kept = effectiveTerms(terms)
  return kept.length === 0
    ? null
    : kept.map((term) => (term.phrase ? `"${term.words.join(' ')}"` : term.words[0])).join(' ')
}
