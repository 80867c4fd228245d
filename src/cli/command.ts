// What every `trail` subcommand is made of: its lines in the help text and the function that runs it, with
// the helpers they share.

import { openRepos } from '../backends.js'
import type { Config } from '../config.js'
import type { Repos } from '../persistence/contract.js'

export interface Io {
  env: NodeJS.ProcessEnv
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
export class UsageError extends Error {}

export interface Subcommand<Run> {
  /** How it is called, e.g. `backup --out FILE`. */
  synopsis: string
  /** What it does, a help-text line each. */
  summary: string[]
  run: Run
}

export type Command = (args: string[], config: Config, io: Io) => Promise<void>

/** Help text starts the summary in this column; a longer synopsis has a line of its own. */
const SUMMARY_COLUMN = 34

/** The subcommand's lines in the help text. */
export function usageLines({ synopsis, summary }: Subcommand<unknown>, prefix = ''): string[] {
  const call = `  ${prefix}${synopsis}`
  const indent = ' '.repeat(SUMMARY_COLUMN)
  const [first = '', ...rest] = summary
  const head = call.length < SUMMARY_COLUMN ? [call.padEnd(SUMMARY_COLUMN) + first] : [call, indent + first]
  return [...head, ...rest.map((line) => indent + line)]
}

/** The subcommand `name` of `table`, if it has one. */
export const lookUp = <T>(table: Record<string, T>, name: string | undefined): T | undefined =>
  name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined

export function needsDurableBackend(config: Config, command: string) {
  if (config.persistence === 'memory') {
    throw new UsageError(
      `${command} needs PERSISTENCE=sqlite or postgres: memory keeps nothing between processes`,
    )
  }
}

export async function withRepos<T>(config: Config, use: (repos: Repos) => Promise<T>) {
  const repos = await openRepos(config)
  try {
    return await use(repos)
  } finally {
    await repos.close()
  }
}
