// `trail adr export --dir DIR`: writes the design notes as Markdown ADRs (src/domains/design-notes/markdown.ts)
// into DIR, creating it if needed. A file whose bytes would not change is left untouched.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { adrFiles, assertPlainFileName } from '../domains/design-notes/markdown.js'
import type { DesignNote } from '../domains/design-notes/schemas.js'
import type { Repos } from '../persistence/contract.js'
import { type Command, commandGroup, needsDurableBackend, UsageError, withRepos } from './command.js'

/** Every note, oldest first (creation order numbers the files). */
async function allNotes(repos: Repos): Promise<DesignNote[]> {
  const notes: DesignNote[] = []
  let after: DesignNote | undefined
  for (;;) {
    const page = await repos.designNotes.list({ filter: {}, order: 'asc', limit: 200, after })
    notes.push(...page.items)
    if (page.next === null) return notes
    after = page.items.at(-1)
  }
}

async function unchanged(path: string, content: string) {
  try {
    return (await readFile(path, 'utf8')) === content
  } catch {
    return false
  }
}

const exportAdrs: Command = async (args, config, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' } } })
  if (values.dir === undefined || values.dir === '') throw new UsageError('adr export needs --dir DIR')
  needsDurableBackend(config, 'adr export')
  const dir = values.dir
  const files = adrFiles(await withRepos(config, allNotes))
  await mkdir(dir, { recursive: true })
  let written = 0
  for (const file of files) {
    const path = join(dir, assertPlainFileName(file.name))
    if (await unchanged(path, file.content)) continue
    await writeFile(path, file.content)
    written++
  }
  io.stdout.write(
    `${files.length - 1} design notes in ${dir}: ${written} files written, ${files.length - written} unchanged\n`,
  )
}

export const adrCommand = commandGroup('adr', {
  export: {
    synopsis: 'export --dir DIR',
    summary: ['write every design note as a Markdown ADR (MADR layout) and an index README.md into DIR'],
    run: exportAdrs,
  },
})
