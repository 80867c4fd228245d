// What the search index holds for each entity, decided once for every backend: the type, the title shown in
// a hit, and the text indexed (API.md: titles, rationale, repro steps, messages and design-note bodies).
// Also the snippet of a hit, cut here from the stored text, so every backend answers the same snippet.
import type { Bug } from '../bugs/schemas.js'
import type { DesignNote } from '../design-notes/schemas.js'
import type { StatusUpdate } from '../status-updates/schemas.js'
import type { Task } from '../tasks/schemas.js'
import { type SearchTerm, STOP_WORDS, stem, words } from './query.js'
import type { SearchHit, SearchType } from './schemas.js'

export interface SearchDocument {
  type: SearchType
  entityId: string
  createdAt: string
  /** Indexed with more weight than the body; empty for a status update, which has no title. */
  title: string
  body: string
}

/** The tables whose rows are searchable, and the type of hit each gives. */
export const SEARCHABLE = {
  tasks: 'task',
  bugs: 'bug',
  status_updates: 'status_update',
  design_notes: 'design_note',
} as const satisfies Record<string, SearchType>
export type SearchableTable = keyof typeof SEARCHABLE

export type SearchableRow =
  | { table: 'tasks'; row: Task }
  | { table: 'bugs'; row: Bug }
  | { table: 'status_updates'; row: StatusUpdate }
  | { table: 'design_notes'; row: DesignNote }

/** Whether a row of some table (a dump's, say) is searchable. */
export const isSearchable = (entry: { table: string }): entry is SearchableRow => entry.table in SEARCHABLE

const lines = (parts: string[]) => parts.join('\n')

/** The document of one row. The SQL back-fills in drizzle/ build the same title and body. */
export function searchDocument({ table, row }: SearchableRow): SearchDocument {
  // Built whole in one literal (not spread from a common part): a dump's load makes one per row.
  const doc = (title: string, body: string): SearchDocument => ({
    type: SEARCHABLE[table],
    entityId: row.id,
    createdAt: row.createdAt,
    title,
    body,
  })
  switch (table) {
    case 'tasks':
      return doc(row.title, lines(row.rationaleLog.map((entry) => entry.text)))
    case 'bugs':
      return doc(row.title, lines(row.reproSteps))
    case 'status_updates':
      return doc('', row.message)
    case 'design_notes':
      return doc(row.title, lines([row.context, row.decision, row.consequences]))
  }
}

/** Whether two documents index the same text (a status change of a note, say, changes none). */
export const sameText = (a: SearchDocument, b: SearchDocument) => a.title === b.title && a.body === b.body

const TITLE_LENGTH = 200
const SNIPPET_LENGTH = 160

/** Code points, so a cut never splits a surrogate pair. */
const cut = (text: string, length: number) => {
  const chars = [...text]
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`
}

/** The title a hit shows: the entity's own, or a status update's message cut to a title's length. */
export const hitTitle = (doc: Pick<SearchDocument, 'title' | 'body'>) =>
  doc.title !== '' ? doc.title : cut(doc.body.replace(/\s+/g, ' ').trim(), TITLE_LENGTH)

/**
 * Up to 160 characters of the body from a little before the first word that matches a query word (by stem),
 * or its start when only the title matched; plain text, white space collapsed.
 */
export function snippet(body: string, terms: SearchTerm[]): string {
  const text = body.replace(/\s+/g, ' ').trim()
  const stems = new Set(terms.flatMap((term) => term.words.filter((word) => !STOP_WORDS.has(word)).map(stem)))
  let start = 0
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const [word] = words(match[0])
    if (word !== undefined && stems.has(stem(word))) {
      start = match.index
      break
    }
  }
  // A few words of context before the match, starting at a word boundary.
  const from = Math.max(0, start - 40)
  const boundary = from === 0 ? 0 : text.indexOf(' ', from) + 1
  const begin = boundary > 0 && boundary <= start ? boundary : from === 0 ? 0 : start
  return (begin > 0 ? '…' : '') + cut(text.slice(begin), SNIPPET_LENGTH)
}

/** A hit as the API answers it, built from the stored document on every backend alike. */
export const toHit = (doc: SearchDocument, terms: SearchTerm[]): SearchHit => ({
  type: doc.type,
  id: doc.entityId,
  title: hitTitle(doc),
  snippet: snippet(doc.body, terms),
  createdAt: doc.createdAt,
})
