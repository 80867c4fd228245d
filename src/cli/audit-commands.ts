// `trail audit verify` and `trail audit prune`: the hash chain checked end to end, and retention by hand.
import { lstatSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isActorName } from '../auth/actor.js'
import { type Checkpoint, describeFailure, parseCheckpoint } from '../domains/audit/verify.js'
import { PRUNE_BATCH, type PruneStep, pruneAudit } from '../retention/prune.js'
import { verifyTrail } from '../retention/verify-trail.js'
import { type Command, commandGroup, needsDurableBackend, UsageError, withRepos } from './command.js'

const VERIFY_CACHE_KIB = 2048

const verify: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: {
      checkpoint: { type: 'string', multiple: true },
      archive: { type: 'string', multiple: true },
    },
  })
  const checkpoints = (values.checkpoint ?? []).map((text): Checkpoint => {
    const checkpoint = parseCheckpoint(text)
    if (checkpoint === undefined)
      throw new UsageError(`--checkpoint ${text} is not SEQ:HASH (a seq and 64 lowercase hex digits)`)
    return checkpoint
  })
  // It reads the file through once: SQLite's page cache would only hold pages never read again.
  const readOnce = { ...config, sqlite: { ...config.sqlite, cacheKiB: VERIFY_CACHE_KIB } }
  await withRepos(readOnce, async (repos) => {
    const result = await verifyTrail(repos.audit, { archives: values.archive ?? [], checkpoints })
    if (!result.ok)
      throw new Error(`${describeFailure(result.failure)} (after ${result.count} entries verified)`)
    io.stdout.write(
      `verified ${result.count} entries, head ${result.head?.seq ?? 0} ${result.head?.hash ?? '-'}\n`,
    )
  })
}

/** A date or time the operator gave: a full ISO time, or a day (midnight UTC). */
function parseBefore(text: string | undefined): string {
  const iso = text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text
  const ms = iso === undefined ? Number.NaN : Date.parse(iso)
  if (Number.isNaN(ms)) throw new UsageError('prune needs --before DATE (e.g. 2026-01-01 or an ISO time)')
  return new Date(ms).toISOString()
}

/**
 * TRAIL_TEST_PRUNE_KILL_AT=STEP[:N] kills the process (SIGKILL, no clean-up) the Nth time the prune reaches
 * STEP: how the tests show that a prune interrupted anywhere loses nothing.
 */
function killSwitch(env: NodeJS.ProcessEnv): ((step: PruneStep) => void) | undefined {
  const spec = env.TRAIL_TEST_PRUNE_KILL_AT
  if (!spec) return undefined
  const [at, nth = '1'] = spec.split(':')
  let seen = 0
  return (step) => {
    if (step === at && ++seen === Number(nth)) process.kill(process.pid, 'SIGKILL')
  }
}

const prune: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: {
      before: { type: 'string' },
      archive: { type: 'string' },
      'dry-run': { type: 'boolean' },
      actor: { type: 'string' },
      'batch-size': { type: 'string' },
    },
  })
  const before = parseBefore(values.before)
  const batchSize = values['batch-size'] === undefined ? PRUNE_BATCH : Number(values['batch-size'])
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
    throw new UsageError('--batch-size must be an integer from 1 to 100000')
  const archivePath = values.archive
  if (archivePath === undefined) throw new UsageError('prune needs --archive FILE')
  if (lstatSync(archivePath, { throwIfNoEntry: false }) !== undefined)
    throw new UsageError(`${archivePath} exists; choose a new file`)
  const actor = values.actor ?? 'retention'
  if (!isActorName(actor) || actor.length > 200) throw new UsageError('--actor must be a printable name')
  needsDurableBackend(config, 'audit prune')
  const dryRun = values['dry-run'] === true
  await withRepos(config, async (repos) => {
    const run = () =>
      pruneAudit(repos.audit, { before, archivePath, actor, dryRun, batchSize, onStep: killSwitch(io.env) })
    // A dry run changes nothing, so it need not wait its turn; a prune runs alone (the retention lock).
    const result = dryRun ? await run() : await repos.audit.asRetentionRunner(run)
    if (result === undefined)
      throw new Error(
        "another prune is running on this database (trail audit prune, or the server's daily retention); " +
          'nothing was done: run it again once that one has finished',
      )
    if (result.resumed > 0)
      io.stdout.write(`finished an interrupted prune: deleted ${result.resumed} archived entries\n`)
    if (result.archived === 0) io.stdout.write(`nothing to prune before ${before}\n`)
    else if (dryRun)
      io.stdout.write(
        `would archive and delete ${result.archived} entries (seq ${result.firstSeq}–${result.throughSeq}); nothing was written\n`,
      )
    else
      io.stdout.write(
        `archived ${result.archived} entries (seq ${result.firstSeq}–${result.throughSeq}) to ${archivePath} ` +
          `(sha256 ${result.archiveSha256}) and deleted them; recorded as entry ${result.entry?.seq}\n`,
      )
  })
}

export const auditCommand = commandGroup('audit', {
  verify: {
    synopsis: 'verify [--checkpoint SEQ:HASH] [--archive FILE]...',
    summary: [
      'recompute the audit hash chain (archives first, oldest first); exit 1',
      'naming the first entry that was changed, removed or reordered',
    ],
    run: verify,
  },
  prune: {
    synopsis: 'prune --before DATE --archive FILE [--dry-run] [--batch-size N]',
    summary: [
      'archive audit entries older than DATE to FILE (durably), then delete',
      `them N at a time (default ${PRUNE_BATCH}); the prune is itself an audit entry`,
    ],
    run: prune,
  },
})
