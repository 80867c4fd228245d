// Verifying the hash chain: one entry at a time, in seq order, from any number of sources (archives, then the
// live trail; or a dump's lines), in constant memory. `trail audit verify`, import and the tests all use it, so
// "verified" means one thing. The first failure is final and names the entry and why.
import { chainHash, GENESIS_HASH, type StoredAuditEntry, storedEntry } from './chain.js'
import type { AuditEntry } from './schemas.js'

export type ChainFailureReason = 'changed' | 'missing' | 'reordered' | 'checkpoint mismatch'

export interface ChainFailure {
  reason: ChainFailureReason
  /** The entry that fails (the first one read that shows the problem), when there is one. */
  seq?: number
  id?: string
  /** Which source it was read from (an archive's file name, "database", a dump line…). */
  source?: string
  detail: string
}

/** A `SEQ:HASH` an operator kept outside the database (GET /audit-entries/head). */
export interface Checkpoint {
  seq: number
  hash: string
}

const HEX64 = /^[0-9a-f]{64}$/

/** `SEQ:HASH` → a checkpoint; undefined when it is not one. */
export function parseCheckpoint(text: string): Checkpoint | undefined {
  const [seqText = '', hash = '', ...rest] = text.split(':')
  const seq = Number(seqText)
  if (rest.length > 0 || !/^\d{1,15}$/.test(seqText) || seq < 1 || !HEX64.test(hash)) return undefined
  return { seq, hash }
}

/** One line of a failure: `entry 42 (id …, in database) changed: …`. */
export function describeFailure(failure: ChainFailure): string {
  const where = [
    failure.id === undefined ? undefined : `id ${failure.id}`,
    failure.source === undefined ? undefined : `in ${failure.source}`,
  ].filter(Boolean)
  const entry =
    failure.seq === undefined
      ? 'chain'
      : `entry ${failure.seq}${where.length ? ` (${where.join(', ')})` : ''}`
  return `${entry} ${failure.reason}: ${failure.detail}`
}

type Linked = Pick<AuditEntry, 'seq' | 'id' | 'prevHash' | 'hash'>

/** What the checks need of one entry: its links, the hash its contents give now, and a prune's reach. */
interface Checked extends Linked {
  /** chainHash of the entry as read, after the prevHash it names. */
  recomputed: string
  /** The seq a prune entry says it archived through; undefined for any other entry. */
  prunedThrough: number | undefined
}

/** The seq a prune entry archived through (its diff's throughSeq), or undefined for any other entry. */
const prunedThrough = (entry: AuditEntry): number | undefined => {
  if (entry.entity !== 'audit' || entry.action !== 'prune') return undefined
  const through = (entry.diff as { throughSeq?: unknown } | null)?.throughSeq
  const seq = Array.isArray(through) ? through[1] : undefined
  return typeof seq === 'number' ? seq : undefined
}

export class ChainVerifier {
  /** Distinct entries verified so far. */
  count = 0
  private last: Linked | undefined
  /** The previous entry of the current source. */
  private sourcePrevious: Linked | undefined
  private source: string | undefined
  /** A link that failed at `entry`, decided at the next entry (a swap shows as the next entry's hash). */
  private broken: { entry: Linked; source?: string; contentsChanged: boolean } | undefined
  private firstSeq: number | undefined
  /** The highest seq a prune entry says it archived: the trail may start just after it. */
  private prunedThroughSeq = 0
  private readonly checkpoints: Checkpoint[]
  private failure: ChainFailure | undefined

  constructor(checkpoints: readonly Checkpoint[] = []) {
    this.checkpoints = [...checkpoints].sort((a, b) => a.seq - b.seq)
  }

  /** The newest entry verified: the head to print (and to keep as the next checkpoint). */
  get head(): { seq: number; hash: string } | undefined {
    return this.last && { seq: this.last.seq, hash: this.last.hash }
  }

  /** Entries from here on come from `source`: it may repeat the end of the one before (an interrupted prune). */
  beginSource(source: string): void {
    this.source = source
    this.sourcePrevious = undefined
  }

  /** Checks the next entry in seq order; the first failure (then every later call) returns it. */
  next(entry: AuditEntry): ChainFailure | undefined {
    if (this.failure !== undefined) return this.failure
    let recomputed: string
    try {
      recomputed = chainHash(entry.prevHash, entry)
    } catch (error) {
      this.failure = this.unhashable(entry, error)
      return this.failure
    }
    this.failure = this.check({
      seq: entry.seq,
      id: entry.id,
      prevHash: entry.prevHash,
      hash: entry.hash,
      recomputed,
      prunedThrough: prunedThrough(entry),
    })
    return this.failure
  }

  /** next() for an entry as a database stores it (the diff still JSON text): how a live trail is read. */
  nextStored(stored: StoredAuditEntry): ChainFailure | undefined {
    if (this.failure !== undefined) return this.failure
    let entry: AuditEntry
    try {
      entry = storedEntry(stored)
    } catch (error) {
      this.failure = this.unhashable(stored, error)
      return this.failure
    }
    return this.next(entry)
  }

  /** Only an edit makes an entry unhashable: its diff no longer JSON, or text no JSON can carry. */
  private unhashable(entry: Linked, error: unknown): ChainFailure {
    return this.fail(entry, 'changed', `its contents cannot be hashed: ${(error as Error).message}`)
  }

  /** Checks what only the end shows: a link left broken, the trail's start, checkpoints past the head. */
  finish(): ChainFailure | undefined {
    if (this.failure !== undefined) return this.failure
    this.failure = this.checkEnd()
    return this.failure
  }

  private fail(entry: Linked, reason: ChainFailureReason, detail: string, source = this.source) {
    return { reason, seq: entry.seq, id: entry.id, source, detail }
  }

  private check(entry: Checked): ChainFailure | undefined {
    const contentsChanged = entry.recomputed !== entry.hash
    if (this.broken !== undefined) return this.decideBroken(entry)
    const previous = this.sourcePrevious
    this.sourcePrevious = entry
    if (previous !== undefined) {
      if (entry.seq <= previous.seq)
        return this.fail(entry, 'reordered', `it comes after entry ${previous.seq}`)
      if (entry.seq > previous.seq + 1)
        return this.fail(entry, 'missing', `entries ${previous.seq + 1}–${entry.seq - 1} are gone`)
      if (entry.prevHash !== previous.hash) {
        this.broken = { entry, source: this.source, contentsChanged }
        return undefined
      }
    } else {
      const failure = this.checkSourceStart(entry)
      if (failure !== undefined || this.broken !== undefined) return failure
    }
    if (contentsChanged)
      return this.fail(
        entry,
        'changed',
        'its contents no longer match its hash (edited after it was written)',
      )
    return this.accept(entry)
  }

  /** The first entry of a source: the trail's start, the continuation of the previous source, or an overlap. */
  private checkSourceStart(entry: Checked): ChainFailure | undefined {
    const last = this.last
    if (last === undefined) {
      this.firstSeq = entry.seq
      if (entry.seq === 1 && entry.prevHash !== GENESIS_HASH)
        return this.fail(entry, 'changed', 'the first entry does not start from the genesis hash')
      return undefined
    }
    if (entry.seq > last.seq + 1)
      return this.fail(entry, 'missing', `entries ${last.seq + 1}–${entry.seq - 1} are in no source`)
    if (entry.seq === last.seq + 1 && entry.prevHash !== last.hash)
      this.broken = { entry, source: this.source, contentsChanged: entry.recomputed !== entry.hash }
    return undefined
  }

  /** Entry `entry` came after a broken link: a swap if it names the broken entry's predecessor, else a change. */
  private decideBroken(next: Checked): ChainFailure {
    const { entry, source } = this.broken as NonNullable<ChainVerifier['broken']>
    if (next.hash === entry.prevHash)
      return this.fail(entry, 'reordered', `it and entry ${next.seq} are out of order`, source)
    return this.brokenLink()
  }

  private brokenLink(): ChainFailure {
    const { entry, source, contentsChanged } = this.broken as NonNullable<ChainVerifier['broken']>
    return contentsChanged
      ? this.fail(entry, 'changed', 'its contents no longer match its hash', source)
      : this.fail(
          entry,
          'changed',
          `it names ${entry.prevHash.slice(0, 12)}… as the hash before it, but entry ${entry.seq - 1} now hashes differently: entry ${entry.seq - 1} was rewritten`,
          source,
        )
  }

  private accept(entry: Checked): ChainFailure | undefined {
    const last = this.last
    if (last !== undefined && entry.seq <= last.seq) {
      // An overlap (an archive repeating entries still in the trail): the same entry must have the same hash.
      if (entry.seq === last.seq && entry.hash !== last.hash)
        return this.fail(entry, 'changed', 'it differs from the copy in the source before')
      return undefined
    }
    const through = entry.prunedThrough
    if (through !== undefined) this.prunedThroughSeq = Math.max(this.prunedThroughSeq, through)
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.seq === entry.seq && checkpoint.hash !== entry.hash) {
        return this.fail(
          entry,
          'checkpoint mismatch',
          `its hash is ${entry.hash}, the checkpoint says ${checkpoint.hash}: the chain was rewritten from here or before`,
        )
      }
    }
    this.last = { seq: entry.seq, id: entry.id, prevHash: entry.prevHash, hash: entry.hash }
    this.count++
    return undefined
  }

  private checkEnd(): ChainFailure | undefined {
    if (this.broken !== undefined) return this.brokenLink()
    const first = this.firstSeq
    if (first !== undefined && first > 1 && this.prunedThroughSeq < first - 1) {
      return {
        reason: 'missing',
        seq: first,
        detail: `entries 1–${first - 1} are gone, and no prune entry (and no archive) accounts for them`,
      }
    }
    for (const checkpoint of this.checkpoints) {
      if (this.last === undefined || checkpoint.seq > this.last.seq) {
        return {
          reason: 'checkpoint mismatch',
          seq: checkpoint.seq,
          detail: `the checkpoint names entry ${checkpoint.seq} but the chain ends at ${this.last?.seq ?? 0}: entries were removed from the end`,
        }
      }
      if (first !== undefined && checkpoint.seq < first) {
        return {
          reason: 'checkpoint mismatch',
          seq: checkpoint.seq,
          detail: `the checkpoint names entry ${checkpoint.seq}, before the oldest entry read (${first}); pass the archive that holds it`,
        }
      }
    }
    return undefined
  }
}
