// `trail audit verify`: the archives given (oldest first), then the live trail read in keyset pages, through
// one ChainVerifier. Memory stays flat: one page at a time, and the verifier keeps only the last entry.
import { basename } from 'node:path'
import type { AuditEntry } from '../domains/audit/schemas.js'
import { type ChainFailure, ChainVerifier, type Checkpoint } from '../domains/audit/verify.js'
import { DumpError } from '../dump/lines.js'
import type { AuditChain } from '../persistence/contract.js'
import { readArchive } from './archive.js'

export const VERIFY_PAGE = 2000

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

export async function verifyTrail(
  chain: AuditChain,
  options: { archives?: readonly string[]; checkpoints?: readonly Checkpoint[]; pageSize?: number } = {},
): Promise<VerifyResult> {
  const verifier = new ChainVerifier(options.checkpoints)
  const sources: [string, AsyncIterable<AuditEntry>][] = [
    ...(options.archives ?? []).map((path): [string, AsyncIterable<AuditEntry>] => [
      `archive ${basename(path)}`,
      readArchive(path),
    ]),
    ['database', liveEntries(chain, options.pageSize)],
  ]
  for (const [source, entries] of sources) {
    verifier.beginSource(source)
    try {
      for await (const entry of entries) {
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
  const failure = verifier.finish()
  return failure === undefined
    ? { ok: true, count: verifier.count, head: verifier.head }
    : { ok: false, count: verifier.count, failure }
}
