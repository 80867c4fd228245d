// `trail export` and `trail import`.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync, linkSync, lstatSync, rmSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { type DumpSummary, writeDump } from '../dump/export.js'
import type { Counts, SecretOptions } from '../dump/format.js'
import { importDump } from '../dump/import.js'
import { progressOn } from '../dump/progress.js'
import { dumpSchemaVersion } from '../persistence/schema-version.js'
import { type Command, needsDurableBackend, type Subcommand, UsageError, withRepos } from './command.js'

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

const secretOptions = (values: {
  'include-tokens'?: boolean
  'include-secrets'?: boolean
}): SecretOptions => ({
  includeTokens: values['include-tokens'] === true,
  includeSecrets: values['include-secrets'] === true,
})

const exportDump: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      'include-tokens': { type: 'boolean' },
      'include-secrets': { type: 'boolean' },
    },
  })
  needsDurableBackend(config, 'export')
  const secrets = secretOptions(values)
  const out = values.out
  // lstat, not exists: a dangling symlink at `out` is there too, and would be followed.
  if (out !== undefined && lstatSync(out, { throwIfNoEntry: false }) !== undefined)
    throw new UsageError(`${out} exists; choose a new file`)
  await withRepos(config, async (repos) => {
    const schemaVersion = dumpSchemaVersion((await repos.health()).schemaVersion)
    const progress = progressOn(io.stderr)
    if (out === undefined) {
      const summary = await writeDump(repos.dump, schemaVersion, io.stdout, progress, secrets)
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
      const summary = await writeDump(repos.dump, schemaVersion, file, progress, secrets)
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

const importDumpFile: Command = async (args, config, io) => {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'include-tokens': { type: 'boolean' },
      'include-secrets': { type: 'boolean' },
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
      { dryRun, progress: progressOn(io.stderr), ...secretOptions(values) },
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
    if (summary.skippedWebhooks > 0) {
      io.stdout.write(
        `left out ${summary.skippedWebhooks} webhooks in the dump (--include-secrets keeps them)\n`,
      )
    }
  })
}

export const exportCommand: Subcommand<Command> = {
  synopsis: 'export [--out FILE] [--include-tokens] [--include-secrets]',
  summary: [
    'write a dump of the whole database (to stdout without --out);',
    'API tokens (their hashes) only with --include-tokens; webhooks, with their',
    'signing secrets and delivery state, only with --include-secrets',
  ],
  run: exportDump,
}

export const importCommand: Subcommand<Command> = {
  synopsis: 'import --in FILE [--dry-run] [--include-tokens] [--include-secrets]',
  summary: [
    'validate a dump, then load it into an empty database in one transaction;',
    "the dump's API tokens are kept only with --include-tokens, its webhooks",
    'only with --include-secrets (they resume delivering where the dump left them)',
  ],
  run: importDumpFile,
}
