// Optimistic concurrency at the edge: which version the client last saw, and where it said so.
// The compare-and-set itself happens inside the repository's transaction.
import type { IncomingHttpHeaders } from 'node:http'
import type { FastifyReply } from 'fastify'
import { isTrailError, preconditionRequired, validationFailed, versionMismatch } from '../core/errors.js'

export const etag = (version: number) => `"${version}"`

export function setEtag(reply: FastifyReply, version: number) {
  reply.header('etag', etag(version))
}

export interface Expected {
  version: number
  /** A stale If-Match is a failed precondition (412); a stale body or query version is a conflict (409). */
  fromIfMatch: boolean
}

const IF_MATCH = /^\s*(?:W\/)?"(\d{1,10})"\s*$/

/** The version `If-Match` names, or undefined without the header; a malformed one is a 400. */
export function ifMatchVersion(request: { headers: IncomingHttpHeaders }): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined) return undefined
  const match = IF_MATCH.exec(header)
  if (!match) {
    throw validationFailed('If-Match must be one entity tag as sent in ETag, e.g. "3"', [
      { path: '/headers/if-match', message: 'is invalid' },
    ])
  }
  return Number(match[1])
}

/** The version from `If-Match` or from the body/query; 428 when neither is there. */
export function expectedVersion(
  request: { headers: IncomingHttpHeaders },
  stated: number | undefined,
): Expected {
  const version = ifMatchVersion(request)
  if (version === undefined) {
    if (stated === undefined) throw preconditionRequired()
    return { version: stated, fromIfMatch: false }
  }
  if (stated !== undefined && stated !== version) {
    throw validationFailed('If-Match and version disagree', [
      { path: '/version', message: 'differs from If-Match' },
    ])
  }
  return { version, fromIfMatch: true }
}

/** Runs a versioned write, answering a stale If-Match with 412 instead of the repository's 409. */
export async function versionedWrite<T>(
  expected: Expected,
  write: (version: number) => Promise<T>,
): Promise<T> {
  try {
    return await write(expected.version)
  } catch (error) {
    if (expected.fromIfMatch && isTrailError(error) && error.code === 'VERSION_MISMATCH') {
      throw versionMismatch(error.extra.currentVersion as number, 412)
    }
    throw error
  }
}
