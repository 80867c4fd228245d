// The `trail` command: operator tasks against the database the environment configures. Each subcommand is an
// entry of COMMANDS (its help-text lines and its function); the help text is made from the table.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { backupDatabase, migrateDatabase } from '../backends.js'
import { ConfigError, loadConfig } from '../config.js'
import { isTrailError } from '../core/errors.js'
import { DumpError } from '../dump/import.js'
import { adrCommand } from './adr-commands.js'
import { auditCommand } from './audit-commands.js'
import { type Command, type Io, lookUp, type Subcommand, UsageError, usageLines } from './command.js'
import { exportCommand, importCommand } from './dump-commands.js'
import { tokensCommand } from './token-commands.js'

export type { Io } from './command.js'

const migrate: Command = async (_args, config, io) => {
  const { applied, schemaVersion } = await migrateDatabase(config)
  for (const tag of applied) io.stdout.write(`applied ${tag}\n`)
  io.stdout.write(
    applied.length === 0
      ? `${config.persistence}: up to date at schema version ${schemaVersion}\n`
      : `${config.persistence}: now at schema version ${schemaVersion}\n`,
  )
}

const backup: Command = async (args, config, io) => {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } })
  if (values.out === undefined) throw new UsageError('backup needs --out FILE')
  if (existsSync(values.out)) throw new UsageError(`${values.out} exists; choose a new file`)
  const started = performance.now()
  await backupDatabase(config, values.out)
  io.stdout.write(
    `backed up ${config.sqlite.path} to ${values.out} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  )
}

/** The commands, in the order the help text lists them. `tokens` and `audit` list their own subcommands instead. */
const COMMANDS: Record<string, Subcommand<Command>> = {
  migrate: {
    synopsis: 'migrate',
    summary: ['apply pending migrations to the configured database and print what was applied'],
    run: migrate,
  },
  export: exportCommand,
  import: importCommand,
  backup: {
    synopsis: 'backup --out FILE',
    summary: ['an online, consistent copy of the live SQLite file'],
    run: backup,
  },
  tokens: tokensCommand,
  adr: adrCommand,
  audit: auditCommand,
}

const commandLines = Object.entries(COMMANDS).flatMap(([name, command]) =>
  command.subcommands === undefined
    ? usageLines(command)
    : Object.values(command.subcommands).flatMap((subcommand) => usageLines(subcommand, `${name} `)),
)

const USAGE = `usage: trail <command> [options]

commands:
${commandLines.join('\n')}

Configuration comes from the environment (PERSISTENCE, PERSIST_DB_PATH, DATABASE_URL, …), as for the server.`

const HELP = new Set([undefined, 'help', '--help', '-h'])

/** Runs one command; returns the exit code. Errors are one clear line; TRAIL_DEBUG=1 adds the stack. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (HELP.has(name)) {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }
  const command = lookUp(COMMANDS, name)
  if (command === undefined) {
    io.stderr.write(`trail: unknown command "${name}"\n\n${USAGE}\n`)
    return 2
  }
  try {
    await command.run(args, loadConfig(io.env), io)
    return 0
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`trail ${name}: ${(error as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    const known = error instanceof ConfigError || error instanceof DumpError || isTrailError(error)
    io.stderr.write(`trail ${name}: ${(error as Error).message}\n`)
    if (!known && io.env.TRAIL_DEBUG) io.stderr.write(`${(error as Error).stack}\n`)
    return 1
  }
}
