// `trail audit verify`: the archives given (oldest first), then the live trail read in keyset pages, through
// one ChainVerifier. Memory stays flat: the live trail is read row by row as stored (AuditChain.scanChain), each
// row checked and dropped before the next is read, and the verifier keeps only the last entry.
import { basename } from 'node:path'
import type { StoredAuditEntry } from '../domains/audit/chain.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import { type ChainFailure, ChainVerifier, type Checkpoint } from '../domains/audit/verify.js'
import { DumpError } from '../dump/lines.js'
import type { AuditChain } from '../persistence/contract.js'
import { readArchive } from './archive.js'

/**
 * Entries per keyset page: enough that a page's query costs little beside hashing its entries, few enough that
 * a PostgreSQL page (which the driver hands over whole, and which lives on while the next is read) dies young
 * instead of being promoted and piling up in V8's old space: at 200,000 entries the verify's peak RSS was
 * 146 MB with pages of 1,000 and 104 MB with 250 or 500, for the same CPU (5,000 had cost 35 MB more again).
 */
export const VERIFY_PAGE = 250

export type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string } | undefined }
  | { ok: false; count: number; failure: ChainFailure }

/** The live trail, oldest first, page by page (each page fetched while the previous one is checked). */
export async function* liveEntries(chain: AuditChain, pageSize = VERIFY_PAGE): AsyncGenerator<AuditEntry> {
  let after = 0
  let page = await chain.chainPage(after, pageSize)
  while (page.length > 0) {
    after = (page.at(-1) as AuditEntry).seq
    const next = page.length < pageSize ? Promise.resolve([]) : chain.chainPage(after, pageSize)
    yield* page
    page = await next
  }
}

/** The live trail through `verifier`, page after page until it ends; the first failure, if any. */
async function verifyLive(chain: AuditChain, verifier: ChainVerifier, pageSize: number) {
  verifier.beginSource('database')
  let after = 0
  // Set by `visit` (a cast keeps TypeScript from taking it for always undefined).
  let failure = undefined as ChainFailure | undefined
  const visit = (entry: StoredAuditEntry) => {
    after = entry.seq
    failure = verifier.nextStored(entry)
    return failure === undefined
  }
  for (;;) {
    const read = await chain.scanChain(after, pageSize, visit)
    if (failure !== undefined || read < pageSize) return failure
  }
}

export async function verifyTrail(
  chain: AuditChain,
  options: { archives?: readonly string[]; checkpoints?: readonly Checkpoint[]; pageSize?: number } = {},
): Promise<VerifyResult> {
  const verifier = new ChainVerifier(options.checkpoints)
  for (const path of options.archives ?? []) {
    const source = `archive ${basename(path)}`
    verifier.beginSource(source)
    try {
      for await (const entry of readArchive(path)) {
        const failure = verifier.next(entry)
        if (failure !== undefined) return { ok: false, count: verifier.count, failure }
      }
    } catch (error) {
      if (!(error instanceof DumpError)) throw error
      return {
        ok: false,
        count: verifier.count,
        failure: { reason: 'changed', source, detail: `the archive is not intact: ${error.message}` },
      }
    }
  }
  const failure = (await verifyLive(chain, verifier, options.pageSize ?? VERIFY_PAGE)) ?? verifier.finish()
  return failure === undefined
    ? { ok: true, count: verifier.count, head: verifier.head }
    : { ok: false, count: verifier.count, failure }
}
