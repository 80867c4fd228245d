// Search on the memory backend: no stored index; each row is tokenised and stemmed once (rows are immutable
// objects, so a WeakMap caches their words) and matched in JavaScript with the semantics the SQL dialects
// give their indexes: every term must match; a phrase's words follow each other, a stop word in a phrase
// standing for any one word (as PostgreSQL's phrase search does); the title ranks ten times the body.
import type { OffsetKey, Page } from '../../core/paging.js'
import {
  SEARCHABLE,
  type SearchableRow,
  type SearchableTable,
  type SearchDocument,
  searchDocument,
  toHit,
} from '../../domains/search/documents.js'
import {
  effectiveTerms,
  parseSearch,
  type SearchTerm,
  STOP_WORDS,
  stem,
  words,
} from '../../domains/search/query.js'
import type { SearchHit } from '../../domains/search/schemas.js'
import type { SearchRequest } from '../contract.js'
import { offsetPage } from '../search-index.js'
import type { MemoryTables } from './reads.js'

interface Analysed {
  doc: SearchDocument
  title: string[]
  body: string[]
}

/** A term as stems to look for; null stands for a stop word inside a phrase (any one word). */
type Pattern = (string | null)[]

const TITLE_WEIGHT = 10

function patternOf(term: SearchTerm): Pattern {
  const pattern = term.words.map((word) => (STOP_WORDS.has(word) ? null : stem(word)))
  while (pattern[0] === null) pattern.shift()
  while (pattern.at(-1) === null) pattern.pop()
  return pattern
}

/** How many times `pattern` occurs in `stems`. */
function occurrences(stems: string[], pattern: Pattern): number {
  let count = 0
  for (let i = 0; i + pattern.length <= stems.length; i++) {
    if (pattern.every((want, k) => want === null || stems[i + k] === want)) count++
  }
  return count
}

export function createMemorySearch(tables: MemoryTables) {
  const analysed = new WeakMap<object, Analysed>()
  const analyse = (entry: SearchableRow): Analysed => {
    let found = analysed.get(entry.row)
    if (found === undefined) {
      const doc = searchDocument(entry)
      found = { doc, title: words(doc.title).map(stem), body: words(doc.body).map(stem) }
      analysed.set(entry.row, found)
    }
    return found
  }

  /** The rank of a row for the patterns, 0 when some pattern does not occur. */
  const rank = (entry: SearchableRow, patterns: Pattern[]) => {
    const { title, body } = analyse(entry)
    let score = 0
    for (const pattern of patterns) {
      const hits = TITLE_WEIGHT * occurrences(title, pattern) + occurrences(body, pattern)
      if (hits === 0) return 0
      score += hits
    }
    return score
  }

  /** The patterns of `q`; undefined when nothing can match (only stop words). Throws a 400 without words. */
  const patternsOf = (q: string) => {
    const terms = effectiveTerms(parseSearch(q))
    return terms.length === 0 ? undefined : terms.map(patternOf)
  }

  return {
    /** A row filter for a list's `q`. */
    matcher(table: SearchableTable, q: string | undefined): (row: SearchableRow['row']) => boolean {
      if (q === undefined) return () => true
      const patterns = patternsOf(q)
      return (row) => patterns !== undefined && rank({ table, row } as SearchableRow, patterns) > 0
    },
    async search({ q, types, limit, after }: SearchRequest): Promise<Page<SearchHit, OffsetKey>> {
      const terms = parseSearch(q)
      const patterns = patternsOf(q)
      if (patterns === undefined) return { items: [], next: null }
      const ranked: { score: number; doc: SearchDocument }[] = []
      for (const table of Object.keys(SEARCHABLE) as SearchableTable[]) {
        if (!types.includes(SEARCHABLE[table])) continue
        for (const row of tables[table].values()) {
          const entry = { table, row } as SearchableRow
          const score = rank(entry, patterns)
          if (score > 0) ranked.push({ score, doc: analyse(entry).doc })
        }
      }
      ranked.sort(
        (a, b) =>
          b.score - a.score ||
          (a.doc.createdAt < b.doc.createdAt ? 1 : a.doc.createdAt > b.doc.createdAt ? -1 : 0) ||
          (a.doc.entityId < b.doc.entityId ? 1 : -1),
      )
      const start = after?.offset ?? 0
      const hits = ranked.slice(start, start + limit + 1).map(({ doc }) => toHit(doc, terms))
      return offsetPage(hits, limit, after)
    },
  }
}
