// Daily audit retention in the server (AUDIT_RETENTION_DAYS + AUDIT_ARCHIVE_DIR; off by default): soon after
// start, then once a day, entries older than the policy are archived into the directory and pruned. Of several
// PostgreSQL instances only the one holding the retention lock prunes (asRetentionRunner).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { pruneAudit } from './prune.js'

const DAY_MS = 24 * 60 * 60 * 1000
export const RETENTION_ACTOR = 'retention'

export interface RetentionOptions {
  days: number
  archiveDir: string
  /** Between two runs; a day unless a test says otherwise. */
  intervalMs?: number
}

/** A new archive's path: named by the time it was made, so no two runs pick the same file. */
export const archivePathIn = (dir: string, now: Date) =>
  join(dir, `audit-archive-${now.toISOString().replace(/[:.]/g, '-')}.ndjson`)

/** One retention run: prunes entries older than `days` days, unless another instance is at it. */
export async function runRetention(app: FastifyInstance, options: RetentionOptions) {
  const now = new Date()
  const before = new Date(now.getTime() - options.days * DAY_MS).toISOString()
  mkdirSync(options.archiveDir, { recursive: true })
  const archivePath = archivePathIn(options.archiveDir, now)
  const result = await app.repos.audit.asRetentionRunner(() =>
    pruneAudit(app.repos.audit, { before, archivePath, actor: RETENTION_ACTOR }),
  )
  if (result === undefined) app.log.info('audit retention: another instance is pruning')
  else if (result.archived > 0 || result.resumed > 0)
    app.log.info(
      { archived: result.archived, resumed: result.resumed, throughSeq: result.throughSeq, archivePath },
      'audit retention: archived and pruned',
    )
  return result
}

export default fp(
  async (app: FastifyInstance, options: RetentionOptions) => {
    let timer: NodeJS.Timeout | undefined
    let running: Promise<unknown> | undefined
    const run = () => {
      running ??= runRetention(app, options)
        .catch((err) => app.log.error({ err }, 'audit retention failed; it runs again tomorrow'))
        .finally(() => {
          running = undefined
        })
    }
    app.addHook('onReady', async () => {
      setImmediate(run)
      timer = setInterval(run, options.intervalMs ?? DAY_MS)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'retention', dependencies: ['persistence'] },
)
