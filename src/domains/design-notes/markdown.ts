// `trail adr export`: the design notes as Markdown ADRs, one file per note and an index, in the layout MADR,
// log4brains and adr-tools read (see docs/adr/0004-search-indexes.md's sibling notes in README "ADR export").
// Pure: the same notes always give the same files, byte for byte, so the export can run in a repository's CI.
import type { DesignNote } from './schemas.js'

export interface AdrFile {
  /** A bare file name (no directory): `0001-store-data-in-sqlite.md`. */
  name: string
  content: string
}

const SLUG_LENGTH = 50

/**
 * A file-name-safe slug of a title: lower-case ASCII letters and digits joined by single hyphens, at most 50
 * characters, cut at a hyphen; `note` when nothing is left (a title of only emoji, say). It can hold no dot,
 * slash or backslash, so no title can make a name that leaves the export directory.
 */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, SLUG_LENGTH)
      break
    }
    slug = next
  }
  return slug === '' ? 'note' : slug
}

/** Refuses a name that is not one plain file name (defence in depth: slugs cannot produce one). */
export function assertPlainFileName(name: string): string {
  if (name === '' || name === '.' || name.includes('..') || /[/\\:\0]/.test(name) || name.startsWith('~'))
    throw new Error(`Refusing to write "${name}": not a plain file name`)
  return name
}

/** One line of inline text: line breaks become spaces (a title in a heading, a table cell or a link). */
const inline = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
const linkText = (text: string) => inline(text).replace(/[[\]\\]/g, '\\$&')
const cell = (text: string) => inline(text).replace(/\|/g, '\\|')

const number = (index: number) => String(index + 1).padStart(4, '0')
const date = (createdAt: string) => createdAt.slice(0, 10)

/** The files of an export: notes oldest first (creation order numbers them), then README.md. */
export function adrFiles(notes: readonly DesignNote[]): AdrFile[] {
  const names = new Map(notes.map((note, i) => [note.id, `${number(i)}-${slugOf(note.title)}.md`]))
  const numbers = new Map(notes.map((note, i) => [note.id, number(i)]))
  const supersedes = new Map(notes.flatMap((note) => (note.supersededBy ? [[note.supersededBy, note]] : [])))
  const link = (note: DesignNote) =>
    `[${numbers.get(note.id)}. ${linkText(note.title)}](${names.get(note.id)})`
  const byId = new Map(notes.map((note) => [note.id, note]))

  const files = notes.map((note): AdrFile => {
    const successor = note.supersededBy === null ? undefined : byId.get(note.supersededBy)
    const predecessor = supersedes.get(note.id)
    const status = successor ? `superseded by ${link(successor)}` : note.status
    const lines = [
      `# ${numbers.get(note.id)}. ${inline(note.title)}`,
      '',
      `- Status: ${status}`,
      `- Date: ${date(note.createdAt)}`,
      `- Deciders: ${inline(note.actor)}`,
      ...(predecessor ? [`- Supersedes: ${link(predecessor)}`] : []),
      ...(successor ? [`- Superseded by: ${link(successor)}`] : []),
      '',
      '## Context and Problem Statement',
      '',
      note.context.trimEnd(),
      '',
      '## Decision Outcome',
      '',
      note.decision.trimEnd(),
      '',
      '### Consequences',
      '',
      note.consequences.trimEnd(),
      '',
    ]
    return { name: assertPlainFileName(names.get(note.id) as string), content: lines.join('\n') }
  })

  const index = [
    '# Architecture Decision Records',
    '',
    'Exported by `trail adr export`; do not edit by hand, changes are overwritten by the next export.',
    '',
    '| Number | Title | Status | Date |',
    '| --- | --- | --- | --- |',
    ...notes.map(
      (note) =>
        `| ${numbers.get(note.id)} | [${cell(linkText(note.title))}](${names.get(note.id)}) | ${note.status} | ${date(note.createdAt)} |`,
    ),
    '',
  ]
  return [...files, { name: 'README.md', content: index.join('\n') }]
}
