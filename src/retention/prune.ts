// Retention (API.md "Retention", docs/adr/0003): archive the entries older than a date, make the archive
// durable, append the prune's own entry, then delete the archived entries a batch per short transaction.
//
// Crash safety: until the prune entry is appended nothing is deleted, so a crash loses at most a spare archive.
// Once it is appended, every entry through its `throughSeq` is in a complete archive whose SHA-256 it records,
// and the next prune first finishes those deletes (it resumes), then prunes what has aged since.
import type { AuditEntry } from '../domains/audit/schemas.js'
import type { AuditRepository } from '../persistence/contract.js'
import { writeArchive } from './archive.js'
import { liveEntries } from './verify-trail.js'

/** Entries deleted per transaction: short enough that a writer waits milliseconds, not seconds. */
export const PRUNE_BATCH = 500

/** The points a prune passes, in order; tests stop a prune at each (TRAIL_TEST_PRUNE_KILL_AT). */
export type PruneStep = 'resuming' | 'archive-written' | 'recorded' | 'batch-deleted'

export interface PruneOptions {
  /** Entries with `at` before this time are archived and deleted. */
  before: string
  archivePath: string
  actor: string
  dryRun?: boolean
  batchSize?: number
  /** Called at each step (tests use it to crash a prune part way). */
  onStep?: (step: PruneStep) => void | Promise<void>
}

export interface PruneResult {
  /** Entries deleted to finish a prune that was interrupted before. */
  resumed: number
  /** Entries archived (or, in a dry run, that would be); 0 when nothing is old enough. */
  archived: number
  firstSeq?: number
  throughSeq?: number
  archiveSha256?: string
  /** The prune's own audit entry (not in a dry run). */
  entry?: AuditEntry
}

/** The newest prune entry's `throughSeq`: every entry up to it is archived, deleted or not yet. */
async function lastPrunedThrough(audit: AuditRepository): Promise<number | undefined> {
  const [newest] = (await audit.list({ filter: { entity: 'audit', action: 'prune' }, limit: 1 })).items
  const through = newest?.diff.throughSeq?.[1]
  return typeof through === 'number' ? through : undefined
}

async function deleteThrough(audit: AuditRepository, throughSeq: number, options: PruneOptions) {
  let deleted = 0
  for (;;) {
    const count = await audit.deleteOldest(throughSeq, options.batchSize ?? PRUNE_BATCH)
    if (count === 0) return deleted
    deleted += count
    await options.onStep?.('batch-deleted')
  }
}

export async function pruneAudit(audit: AuditRepository, options: PruneOptions): Promise<PruneResult> {
  const step = async (name: PruneStep) => options.onStep?.(name)
  // An interrupted prune recorded its entry but did not finish deleting: its archive holds the rest.
  const pending = await lastPrunedThrough(audit)
  const oldest = (await audit.oldestKept())?.seq
  let resumed = 0
  if (!options.dryRun && pending !== undefined && oldest !== undefined && oldest <= pending) {
    await step('resuming')
    resumed = await deleteThrough(audit, pending, options)
  }

  const firstSeq = (await audit.oldestKept())?.seq
  const throughSeq = await audit.lastSeqBefore(options.before)
  if (firstSeq === undefined || throughSeq === undefined || throughSeq < firstSeq)
    return { resumed, archived: 0 }
  const count = throughSeq - firstSeq + 1
  if (options.dryRun) return { resumed, archived: count, firstSeq, throughSeq }

  const [first] = await audit.chainPage(firstSeq - 1, 1)
  const [last] = await audit.chainPage(throughSeq - 1, 1)
  const written = await writeArchive(
    options.archivePath,
    { first: first as AuditEntry, last: last as AuditEntry, createdAt: new Date().toISOString() },
    (async function* () {
      for await (const entry of liveEntries(audit)) {
        if (entry.seq > throughSeq) return
        yield entry
      }
    })(),
  )
  if (written.entries !== count)
    throw new Error(
      `the trail from ${firstSeq} to ${throughSeq} has gaps; nothing was pruned (run trail audit verify)`,
    )
  await step('archive-written')

  const entry = await audit.recordPrune(
    {
      throughSeq,
      lastArchivedId: (last as AuditEntry).id,
      entries: count,
      archiveSha256: written.sha256,
    },
    options.actor,
  )
  await step('recorded')
  await deleteThrough(audit, throughSeq, options)
  return { resumed, archived: count, firstSeq, throughSeq, archiveSha256: written.sha256, entry }
}
