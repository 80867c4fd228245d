// `trail tokens …`: one subcommand each for creating, rotating, listing and revoking API tokens.
import { parseArgs } from 'node:util'
import { isActorName } from '../auth/actor.js'
import { type ApiToken, ROLES, type Role } from '../auth/schemas.js'
import { DEFAULT_GRACE, expiryFrom, graceMs, hashSecret, newSecret } from '../auth/tokens.js'
import type { Repos } from '../persistence/contract.js'
import { type Command, commandGroup, type Io, needsDurableBackend, UsageError, withRepos } from './command.js'

type TokenCommand = (repos: Repos, args: string[], io: Io) => Promise<void>

/** Every `tokens` subcommand works on the configured durable database. */
const onRepos =
  (run: TokenCommand): Command =>
  async (args, config, io) => {
    needsDurableBackend(config, 'tokens')
    await withRepos(config, (repos) => run(repos, args, io))
  }

/** Prints a new token's secret (stdout, so it can be piped) and what it is (stderr). */
function announce(io: Io, secret: string, token: ApiToken, expiresAt: string | null) {
  io.stdout.write(`${secret}\n`)
  io.stderr.write(
    `created token ${token.id} for ${token.actor} (${token.role}${expiresAt ? `, expires ${expiresAt}` : ''}); ` +
      'the secret above is shown only now\n',
  )
}

/** A parse of the operator's duration or expiry, its complaint a usage error. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

const create: TokenCommand = async (repos, args, io) => {
  const { values } = parseArgs({
    args,
    options: { actor: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' } },
  })
  const actor = values.actor?.trim()
  if (!actor || actor.length > 200 || !isActorName(actor))
    throw new UsageError(
      'tokens create needs --actor NAME (1 to 200 printable characters, no control characters)',
    )
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
  const expiresAt = asUsage(() => (values.expires === undefined ? null : expiryFrom(values.expires)))
  const secret = newSecret()
  const token = await repos.tokens.create({
    actor,
    role: values.role as Role,
    secretHash: hashSecret(secret),
    expiresAt,
  })
  announce(io, secret, token, expiresAt)
}

/**
 * `tokens rotate ID`: the new token has the old one's actor and role, and `--expires`, or else the old
 * token's lifetime counted from now (none if it had none). The old one expires after the grace period
 * (sooner if it already would); `--grace 0` also revokes it at once.
 */
const rotate: TokenCommand = async (repos, args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { grace: { type: 'string' }, expires: { type: 'string' } },
  })
  const [id, ...extra] = positionals
  if (id === undefined || extra.length > 0)
    throw new UsageError('tokens rotate needs one token ID (see `trail tokens list`)')
  const now = Date.now()
  const grace = asUsage(() => graceMs(values.grace ?? DEFAULT_GRACE))
  let expiresAt: string | null | undefined = asUsage(() =>
    values.expires === undefined ? undefined : expiryFrom(values.expires, now),
  )
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
  announce(io, secret, token, expiresAt)
  io.stderr.write(
    grace === 0
      ? `revoked ${retired.id}\n`
      : `${retired.id} keeps working until ${retired.expiresAt}, then expires\n`,
  )
}

const list: TokenCommand = async (repos, _args, io) => {
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
}

const revoke: TokenCommand = async (repos, args, io) => {
  const [id] = args
  if (id === undefined) throw new UsageError('tokens revoke needs the token ID (see `trail tokens list`)')
  const token = await repos.tokens.revoke(id, new Date().toISOString())
  if (token === undefined) throw new Error(`no token ${id}`)
  io.stdout.write(`revoked ${token.id} (${token.actor}, ${token.role})\n`)
}

/** The `tokens` subcommands, in the order the help text lists them. */
export const tokensCommand = commandGroup('tokens', {
  create: {
    synopsis: 'create --actor NAME --role ROLE [--expires 90d]',
    summary: ['create an API token and print its secret (shown this once only)'],
    run: onRepos(create),
  },
  rotate: {
    synopsis: 'rotate ID [--grace 24h] [--expires 90d]',
    summary: [
      'a new secret for the same actor and role (printed once); the old',
      `token keeps working for the grace period (default ${DEFAULT_GRACE}; 0: at once)`,
    ],
    run: onRepos(rotate),
  },
  list: { synopsis: 'list', summary: ['list tokens (never their secrets)'], run: onRepos(list) },
  revoke: {
    synopsis: 'revoke ID',
    summary: ['revoke a token; requests with it are refused from then on'],
    run: onRepos(revoke),
  },
})
