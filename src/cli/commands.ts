// The `trail` command: operator tasks against the database the environment configures.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync, linkSync, lstatSync, rmSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { isActorName } from '../auth/actor.js'
import { ROLES, type Role } from '../auth/schemas.js'
import { DEFAULT_GRACE, expiryFrom, graceMs, hashSecret, newSecret } from '../auth/tokens.js'
import { backupDatabase, migrateDatabase, openRepos } from '../backends.js'
import { type Config, ConfigError, loadConfig } from '../config.js'
import { isTrailError } from '../core/errors.js'
import { type DumpSummary, writeDump } from '../dump/export.js'
import type { Counts } from '../dump/format.js'
import { DumpError, importDump } from '../dump/import.js'
import { progressOn } from '../dump/progress.js'
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
  tokens rotate ID [--grace 24h] [--expires 90d]
                                  a new secret for the same actor and role (printed once); the old
                                  token keeps working for the grace period (default ${DEFAULT_GRACE}; 0: at once)
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
  // lstat, not exists: a dangling symlink at `out` is there too, and would be followed.
  if (out !== undefined && lstatSync(out, { throwIfNoEntry: false }) !== undefined)
    throw new UsageError(`${out} exists; choose a new file`)
  await withRepos(config, async (repos) => {
    const schemaVersion = dumpSchemaVersion((await repos.health()).schemaVersion)
    const progress = progressOn(io.stderr)
    if (out === undefined) {
      const summary = await writeDump(repos.dump, schemaVersion, io.stdout, progress, { includeTokens })
      io.stderr.write(`${summaryLine('exported', summary)}\n`)
      return
    }
    // Written beside the target under a name of its own, created exclusively, and hard-linked into place at
    // the end: a link never replaces what is there, so a file (or symlink) that appeared at `out` during the
    // run is left alone. A failed export removes only its own partial file.
    const partial = `${out}.partial.${randomBytes(6).toString('hex')}`
    const file = createWriteStream(partial, { flags: 'wx' })
    await once(file, 'open')
    try {
      const summary = await writeDump(repos.dump, schemaVersion, file, progress, { includeTokens })
      file.end()
      await finished(file)
      try {
        linkSync(partial, out)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        throw new Error(`${out} appeared during the export and was left alone; the dump was not kept`)
      }
      rmSync(partial)
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

/**
 * `tokens rotate ID`: the new token has the old one's actor and role, and `--expires`, or else the old
 * token's lifetime counted from now (none if it had none). The old one expires after the grace period
 * (sooner if it already would); `--grace 0` also revokes it at once.
 */
async function rotateToken(repos: Awaited<ReturnType<typeof openRepos>>, args: string[], io: Io) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { grace: { type: 'string' }, expires: { type: 'string' } },
  })
  const [id, ...extra] = positionals
  if (id === undefined || extra.length > 0)
    throw new UsageError('tokens rotate needs one token ID (see `trail tokens list`)')
  const now = Date.now()
  let grace: number
  let expiresAt: string | null | undefined
  try {
    grace = graceMs(values.grace ?? DEFAULT_GRACE)
    expiresAt = values.expires === undefined ? undefined : expiryFrom(values.expires, now)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const old = (await repos.tokens.list()).find((token) => token.id === id)
  if (old === undefined) throw new Error(`no token ${id}`)
  if (old.revokedAt !== null) throw new Error(`token ${id} is revoked; create a new one instead`)
  if (old.expiresAt !== null && Date.parse(old.expiresAt) <= now)
    throw new Error(`token ${id} expired at ${old.expiresAt}; create a new one instead`)
  if (expiresAt === undefined) {
    expiresAt =
      old.expiresAt === null
        ? null
        : new Date(now + Date.parse(old.expiresAt) - Date.parse(old.createdAt)).toISOString()
  }
  const secret = newSecret()
  const retireAt = new Date(now + grace).toISOString()
  const rotated = await repos.tokens.rotate(id, { secretHash: hashSecret(secret), expiresAt, retireAt })
  if (rotated === undefined) throw new Error(`token ${id} was revoked meanwhile; nothing was changed`)
  if (grace === 0) await repos.tokens.revoke(id, retireAt)
  const { token, retired } = rotated
  io.stdout.write(`${secret}\n`)
  io.stderr.write(
    `created token ${token.id} for ${token.actor} (${token.role}${expiresAt ? `, expires ${expiresAt}` : ''}); ` +
      'the secret above is shown only now\n' +
      (grace === 0
        ? `revoked ${retired.id}\n`
        : `${retired.id} keeps working until ${retired.expiresAt}, then expires\n`),
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
      if (!actor || actor.length > 200 || !isActorName(actor))
        throw new UsageError(
          'tokens create needs --actor NAME (1 to 200 printable characters, no control characters)',
        )
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
    } else if (action === 'rotate') {
      await rotateToken(repos, rest, io)
    } else if (action === 'revoke') {
      const [id] = rest
      if (id === undefined) throw new UsageError('tokens revoke needs the token ID (see `trail tokens list`)')
      const token = await repos.tokens.revoke(id, new Date().toISOString())
      if (token === undefined) throw new Error(`no token ${id}`)
      io.stdout.write(`revoked ${token.id} (${token.actor}, ${token.role})\n`)
    } else {
      throw new UsageError('tokens needs create, rotate, list or revoke')
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
