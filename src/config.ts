// The environment, validated once at start-up into a typed Config. A bad value stops start-up with one line
// naming the variable and what it accepts; nothing falls back silently.
import { isIP } from 'node:net'
import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const Env = Type.Object({
  PERSISTENCE: Type.Union([Type.Literal('memory'), Type.Literal('sqlite'), Type.Literal('postgres')], {
    default: 'sqlite',
    description: 'one of memory, sqlite, postgres',
  }),
  PERSIST_DB_PATH: Type.String({ minLength: 1, default: 'data/app.db', description: 'a SQLite file path' }),
  SQLITE_SYNCHRONOUS: Type.Union([Type.Literal('NORMAL'), Type.Literal('FULL')], {
    default: 'NORMAL',
    description: 'NORMAL or FULL',
  }),
  SQLITE_BUSY_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    maximum: 600_000,
    default: 5000,
    description: "milliseconds a write waits for another process's lock, an integer from 0 to 600000",
  }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'a postgres:// or postgresql:// URL' }),
  ),
  PG_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 10,
    description: 'an integer from 1 to 1000',
  }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'a host name or IP address' }),
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: 'an integer from 0 to 65535',
  }),
  AUTH: Type.Optional(
    Type.Literal('open', {
      description: '"open" (serve without tokens on a non-loopback address), or unset',
    }),
  ),
  RATE_LIMIT_MAX: Type.Integer({
    minimum: 0,
    default: 1200,
    description: 'requests per window per token or address, an integer (0 turns the limit off)',
  }),
  AUTH_FAILURE_LIMIT: Type.Integer({
    minimum: 1,
    default: 10,
    description: 'failed authentications per window per address, an integer from 1',
  }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({
    minimum: 100,
    default: 60_000,
    description: 'the window both limits count in, in milliseconds (an integer from 100)',
  }),
  CORS_ORIGINS: Type.Optional(
    Type.String({
      pattern: '^https?://[^,\\s]+(,https?://[^,\\s]+)*$',
      description: 'a comma-separated list of origins such as https://app.example.com',
    }),
  ),
  TRUST_PROXY: Type.Optional(
    Type.String({
      description:
        'true, false, or a comma-separated list of proxy addresses or CIDR ranges (10.0.0.0/8,::1)',
    }),
  ),
  REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 30_000,
    description: 'the time a client has to send a whole request, in milliseconds (100 to 3600000)',
  }),
  HEADERS_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 10_000,
    description: 'the time a client has to send the request headers, in milliseconds (100 to 3600000)',
  }),
  WEBHOOK_ALLOW_PRIVATE: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'false',
    description: 'true to let webhooks reach loopback, private, link-local and multicast addresses, or false',
  }),
  WEBHOOK_RETRY_SCHEDULE_MS: Type.String({
    pattern: '^\\d{1,9}(,\\d{1,9}){0,19}$',
    default: '5000,300000,1800000,7200000,18000000,36000000,36000000',
    description: 'the pause before each retry in milliseconds, comma-separated (at most 20)',
  }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 60_000,
    default: 10_000,
    description: 'how long a receiver has to answer, in milliseconds (100 to 60000)',
  }),
  WEBHOOK_POLL_MS: Type.Integer({
    minimum: 10,
    maximum: 60_000,
    default: 1000,
    description:
      'how often the worker looks for events committed by other processes, in milliseconds (10 to 60000)',
  }),
  WEBHOOK_LEASE_MS: Type.Integer({
    minimum: 500,
    maximum: 3_600_000,
    default: 60_000,
    description:
      "how long a worker's claim on a webhook lasts unless renewed, in milliseconds (500 to 3600000, more than WEBHOOK_TIMEOUT_MS)",
  }),
  AUDIT_RETENTION_DAYS: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 36_500,
      description: 'days of audit trail to keep, an integer from 1 to 36500 (unset: keep everything)',
    }),
  ),
  AUDIT_ARCHIVE_DIR: Type.Optional(
    Type.String({ minLength: 1, description: 'a directory for the archives of pruned audit entries' }),
  ),
  EVENTS_MAX_STREAMS: Type.Integer({
    minimum: 0,
    maximum: 100_000,
    default: 100,
    description: 'open GET /events streams per instance, an integer from 0 to 100000',
  }),
  EVENTS_HEARTBEAT_MS: Type.Integer({
    minimum: 10,
    maximum: 15_000,
    default: 15_000,
    description: 'milliseconds between two `: ping` lines on an event stream, an integer from 10 to 15000',
  }),
  EVENTS_SLOW_CLIENT_MS: Type.Integer({
    minimum: 10,
    maximum: 600_000,
    default: 30_000,
    description:
      'milliseconds an event stream waits for a client that takes nothing before disconnecting it (10 to 600000)',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info', description: 'one of fatal, error, warn, info, debug, trace, silent' },
  ),
})

export interface Config {
  persistence: 'memory' | 'sqlite' | 'postgres'
  /**
   * `cacheKiB` is a command's own choice (`trail audit verify`), `checkpointInBackground` the server's
   * (server.ts); neither is the environment's.
   */
  sqlite: {
    path: string
    synchronous: 'NORMAL' | 'FULL'
    busyTimeoutMs: number
    cacheKiB?: number
    checkpointInBackground?: boolean
  }
  postgres: { url: string | undefined; poolSize: number }
  host: string
  port: number
  logLevel: string
  /** Serve without tokens on a non-loopback address (AUTH=open). */
  openAuthAllowed: boolean
  rateLimit: { perWindow: number; authFailuresPerWindow: number; windowMs: number }
  corsOrigins: string[]
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | string[]
  timeouts: { requestMs: number; headersMs: number }
  /** Daily audit retention (AUDIT_RETENTION_DAYS + AUDIT_ARCHIVE_DIR); undefined keeps every entry. */
  retention: { days: number; archiveDir: string } | undefined
  webhooks: WebhookConfig
  /** GET /events: streams per instance, heartbeat interval, how long a client that takes nothing is waited for. */
  events: { maxStreams: number; heartbeatMs: number; slowClientMs: number }
}

export interface WebhookConfig {
  /** Let receivers be on loopback, private, link-local or multicast addresses (tests, closed networks). */
  allowPrivate: boolean
  /** The pause before each retry; once spent, the webhook is deactivated. */
  retryScheduleMs: number[]
  timeoutMs: number
  pollMs: number
  leaseMs: number
}

export class ConfigError extends Error {}

type EnvValues = Static<typeof Env>

/** Proxy-addr's named ranges, which Fastify's trustProxy accepts beside addresses and CIDR ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange(item: string) {
  if (NAMED_RANGES.has(item)) return true
  const [address = '', prefix, ...rest] = item.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

// No hop count: Fastify 5.12 refuses it, since it trusts whatever the nearest peer claims.
function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  const items = value.split(',').map((item) => item.trim())
  if (items.every(isAddressOrRange)) return items
  throw new ConfigError(
    `TRUST_PROXY=${JSON.stringify(value)} is not valid: expected ${Env.properties.TRUST_PROXY.description}`,
  )
}

/** Reads the variables trail knows from `env`; throws ConfigError with a one-line message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(Env.properties)) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  const values = Value.Default(Env, Value.Convert(Env, raw)) as EnvValues
  const error = Value.Errors(Env, values).First()
  if (error) {
    const name = error.path.slice(1)
    const schema = Env.properties[name as keyof typeof Env.properties]
    throw new ConfigError(
      `${name}=${JSON.stringify(raw[name])} is not valid: expected ${schema?.description ?? error.message}`,
    )
  }
  if (values.HEADERS_TIMEOUT_MS > values.REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS=${values.HEADERS_TIMEOUT_MS} is not valid: expected at most REQUEST_TIMEOUT_MS (${values.REQUEST_TIMEOUT_MS})`,
    )
  }
  if (values.WEBHOOK_LEASE_MS <= values.WEBHOOK_TIMEOUT_MS) {
    throw new ConfigError(
      `WEBHOOK_LEASE_MS=${values.WEBHOOK_LEASE_MS} is not valid: expected more than WEBHOOK_TIMEOUT_MS (${values.WEBHOOK_TIMEOUT_MS})`,
    )
  }
  const trustProxy = parseTrustProxy(values.TRUST_PROXY)
  if (values.PERSISTENCE === 'postgres' && values.DATABASE_URL === undefined) {
    throw new ConfigError('DATABASE_URL is required when PERSISTENCE=postgres: expected a postgres:// URL')
  }
  if ((values.AUDIT_RETENTION_DAYS === undefined) !== (values.AUDIT_ARCHIVE_DIR === undefined)) {
    throw new ConfigError(
      'AUDIT_RETENTION_DAYS and AUDIT_ARCHIVE_DIR go together: pruned entries are archived first, so set both or neither',
    )
  }
  return {
    persistence: values.PERSISTENCE,
    sqlite: {
      path: values.PERSIST_DB_PATH,
      synchronous: values.SQLITE_SYNCHRONOUS,
      busyTimeoutMs: values.SQLITE_BUSY_TIMEOUT_MS,
    },
    postgres: { url: values.DATABASE_URL, poolSize: values.PG_POOL_SIZE },
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    openAuthAllowed: values.AUTH === 'open',
    rateLimit: {
      perWindow: values.RATE_LIMIT_MAX,
      authFailuresPerWindow: values.AUTH_FAILURE_LIMIT,
      windowMs: values.RATE_LIMIT_WINDOW_MS,
    },
    corsOrigins: values.CORS_ORIGINS?.split(',') ?? [],
    trustProxy,
    timeouts: { requestMs: values.REQUEST_TIMEOUT_MS, headersMs: values.HEADERS_TIMEOUT_MS },
    webhooks: {
      allowPrivate: values.WEBHOOK_ALLOW_PRIVATE === 'true',
      retryScheduleMs: values.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number),
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      pollMs: values.WEBHOOK_POLL_MS,
      leaseMs: values.WEBHOOK_LEASE_MS,
    },
    retention:
      values.AUDIT_RETENTION_DAYS === undefined || values.AUDIT_ARCHIVE_DIR === undefined
        ? undefined
        : { days: values.AUDIT_RETENTION_DAYS, archiveDir: values.AUDIT_ARCHIVE_DIR },
    events: {
      maxStreams: values.EVENTS_MAX_STREAMS,
      heartbeatMs: values.EVENTS_HEARTBEAT_MS,
      slowClientMs: values.EVENTS_SLOW_CLIENT_MS,
    },
  }
}
