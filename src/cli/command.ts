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
  /** A command made of subcommands (`tokens`): the help text lists these instead of the command itself. */
  subcommands?: Record<string, Subcommand<Command>>
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

/**
 * The command `name` made of the subcommands of `table`: its first argument names one, which runs with the
 * rest; anything else is a usage error naming them.
 */
export function commandGroup(name: string, table: Record<string, Subcommand<Command>>): Subcommand<Command> {
  const names = Object.keys(table)
  const choices = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('')
  return {
    synopsis: name,
    summary: [],
    subcommands: table,
    run: async ([action, ...rest], config, io) => {
      const subcommand = lookUp(table, action)
      if (subcommand === undefined) throw new UsageError(`${name} needs ${choices}`)
      await subcommand.run(rest, config, io)
    },
  }
}

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
