// The `trail` command: operator tasks against the database the environment configures.
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { expiryFrom, hashSecret, newSecret } from '../auth/tokens.js'
import { type Config, ConfigError, loadConfig } from '../config.js'
import { type DumpSummary, writeDump } from '../dump/export.js'
import type { Counts } from '../dump/format.js'
import { DumpError, importDump } from '../dump/import.js'
import { progressOn } from '../dump/progress.js'
import { isTrailError } from '../errors.js'
import { ROLES, type Role } from '../persistence/contract.js'
import { backupDatabase, migrateDatabase, openRepos } from '../persistence/index.js'
import { dumpSchemaVersion } from '../persistence/schema-version.js'

export interface Io {
  env: NodeJS.ProcessEnv
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

const USAGE = `usage: trail <command> [options]

commands:
  migrate                         apply pending migrations to the configured database and print what was applied
  export [--out FILE] [--include-tokens]
                                  write a dump of the whole database (to stdout without --out);
                                  API tokens (their hashes) only with --include-tokens
  import --in FILE [--dry-run] [--include-tokens]
                                  validate a dump, then load it into an empty database in one transaction;
                                  the dump's API tokens are kept only with --include-tokens
  backup --out FILE               an online, consistent copy of the live SQLite file
  tokens create --actor NAME --role ROLE [--expires 90d]
                                  create an API token and print its secret (shown this once only)
  tokens list                     list tokens (never their secrets)
  tokens revoke ID                revoke a token; requests with it are refused from then on

Configuration comes from the environment (PERSISTENCE, PERSIST_DB_PATH, DATABASE_URL, …), as for the server.`

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
class UsageError extends Error {}

const describeCounts = (counts: Counts) =>
  Object.entries(counts)
    .map(([table, count]) => `${table} ${count}`)
    .join(', ')

const total = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0)

function summaryLine(verb: string, summary: Pick<DumpSummary, 'counts' | 'bytes' | 'seconds'>) {
  const rate =
    summary.seconds > 0 ? Math.round(total(summary.counts) / summary.seconds) : total(summary.counts)
  return `${verb} ${total(summary.counts)} rows (${describeCounts(summary.counts)}), ${summary.bytes} bytes in ${summary.seconds.toFixed(2)} s (${rate} rows/s)`
}

function needsDurableBackend(config: Config, command: string) {
  if (config.persistence === 'memory') {
    throw new UsageError(
      `${command} needs PERSISTENCE=sqlite or postgres: memory keeps nothing between processes`,
    )
  }
}

async function withRepos<T>(
  config: Config,
  use: (repos: Awaited<ReturnType<typeof openRepos>>) => Promise<T>,
) {
  const repos = await openRepos(config)
  try {
    return await use(repos)
  } finally {
    await repos.close()
  }
}

type Command = (args: string[], config: Config, io: Io) => Promise<void>

const migrate: Command = async (_args, config, io) => {
  const { applied, schemaVersion } = await migrateDatabase(config)
  for (const tag of applied) io.stdout.write(`applied ${tag}\n`)
  io.stdout.write(
    applied.length === 0
      ? `${config.persistence}: up to date at schema version ${schemaVersion}\n`
      : `${config.persistence}: now at schema version ${schemaVersion}\n`,
  )
}

const exportCommand: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, 'include-tokens': { type: 'boolean' } },
  })
  needsDurableBackend(config, 'export')
  const includeTokens = values['include-tokens'] === true
  const out = values.out
  if (out !== undefined && existsSync(out)) throw new UsageError(`${out} exists; choose a new file`)
  await withRepos(config, async (repos) => {
    const schemaVersion = dumpSchemaVersion((await repos.health()).schemaVersion)
    const progress = progressOn(io.stderr)
    if (out === undefined) {
      const summary = await writeDump(repos.dump, schemaVersion, io.stdout, progress, { includeTokens })
      io.stderr.write(`${summaryLine('exported', summary)}\n`)
      return
    }
    // Written beside the target and renamed at the end, so a failed export never leaves a file behind.
    const partial = `${out}.partial`
    const file = createWriteStream(partial, { flags: 'wx' })
    try {
      const summary = await writeDump(repos.dump, schemaVersion, file, progress, { includeTokens })
      file.end()
      await finished(file)
      renameSync(partial, out)
      io.stderr.write(`${summaryLine('exported', summary)} to ${out}\n`)
    } catch (error) {
      file.destroy()
      rmSync(partial, { force: true })
      throw error
    }
  })
}

const importCommand: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'include-tokens': { type: 'boolean' },
    },
  })
  if (values.in === undefined) throw new UsageError('import needs --in FILE')
  if (!existsSync(values.in)) throw new UsageError(`${values.in} does not exist`)
  needsDurableBackend(config, 'import')
  const path = values.in
  const dryRun = values['dry-run'] === true
  await withRepos(config, async (repos) => {
    const schemaVersion = dumpSchemaVersion((await repos.health()).schemaVersion)
    const summary = await importDump(
      path,
      { dump: repos.dump, schemaVersion },
      { dryRun, progress: progressOn(io.stderr), includeTokens: values['include-tokens'] === true },
    )
    io.stdout.write(
      dryRun
        ? `${summaryLine('dry run: valid; would load', summary)}; nothing was written\n`
        : `${summaryLine('imported', summary)}\n`,
    )
    if (summary.skippedTokens > 0) {
      io.stdout.write(
        `left out ${summary.skippedTokens} API tokens in the dump (--include-tokens keeps them)\n`,
      )
    }
  })
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

const tokens: Command = async (args, config, io) => {
  const [action, ...rest] = args
  needsDurableBackend(config, 'tokens')
  await withRepos(config, async (repos) => {
    if (action === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { actor: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' } },
      })
      const actor = values.actor?.trim()
      if (!actor || actor.length > 200)
        throw new UsageError('tokens create needs --actor NAME (1 to 200 characters)')
      if (!ROLES.includes(values.role as Role))
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
      let expiresAt: string | null = null
      try {
        expiresAt = values.expires === undefined ? null : expiryFrom(values.expires)
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
      const secret = newSecret()
      const token = await repos.tokens.create({
        actor,
        role: values.role as Role,
        secretHash: hashSecret(secret),
        expiresAt,
      })
      io.stdout.write(`${secret}\n`)
      io.stderr.write(
        `created token ${token.id} for ${token.actor} (${token.role}${expiresAt ? `, expires ${expiresAt}` : ''}); ` +
          'the secret above is shown only now\n',
      )
    } else if (action === 'list') {
      for (const token of await repos.tokens.list()) {
        const state = token.revokedAt
          ? `revoked ${token.revokedAt}`
          : token.expiresAt && token.expiresAt <= new Date().toISOString()
            ? `expired ${token.expiresAt}`
            : 'active'
        io.stdout.write(
          `${token.id}  ${token.actor}  ${token.role}  created ${token.createdAt}  last used ${token.lastUsedAt ?? 'never'}  ` +
            `expires ${token.expiresAt ?? 'never'}  ${state}\n`,
        )
      }
    } else if (action === 'revoke') {
      const [id] = rest
      if (id === undefined) throw new UsageError('tokens revoke needs the token ID (see `trail tokens list`)')
      const token = await repos.tokens.revoke(id, new Date().toISOString())
      if (token === undefined) throw new Error(`no token ${id}`)
      io.stdout.write(`revoked ${token.id} (${token.actor}, ${token.role})\n`)
    } else {
      throw new UsageError('tokens needs create, list or revoke')
    }
  })
}

const COMMANDS: Record<string, Command> = {
  tokens,
  migrate,
  export: exportCommand,
  import: importCommand,
  backup,
}

/** Runs one command; returns the exit code. Errors are one clear line; TRAIL_DEBUG=1 adds the stack. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    io.stderr.write(`trail: unknown command "${name}"\n\n${USAGE}\n`)
    return 2
  }
  try {
    await command(args, loadConfig(io.env), io)
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
