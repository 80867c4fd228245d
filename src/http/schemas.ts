// The HTTP building blocks of the route schemas: path params, pages, problem documents. The value schemas
// (Id, Text, Timestamp, …) live in src/core/schemas.ts.
import { type TSchema, Type } from '@sinclair/typebox'
import { Id } from '../core/schemas.js'

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
  })

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    currentVersion: Type.Optional(Type.Integer()),
    supersededBy: Type.Optional(Type.String()),
    currentStatus: Type.Optional(Type.String()),
    allowedStatuses: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
)

const ProblemRef = Type.Ref('Problem')

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED)',
  401: 'Missing, unknown, revoked or expired token (UNAUTHORIZED)',
  403: "The token's role may not do this (FORBIDDEN)",
  404: 'No such resource (NOT_FOUND)',
  405: 'The resource does not support this method (METHOD_NOT_ALLOWED)',
  409: 'Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED)',
  412: 'If-Match names a stale version (VERSION_MISMATCH)',
  413: 'The body is larger than 1 MiB (PAYLOAD_TOO_LARGE)',
  415: 'The body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'A referenced resource does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED)',
  428: 'Neither If-Match nor a version was sent (PRECONDITION_REQUIRED)',
  429: 'Too many requests; see Retry-After (RATE_LIMITED)',
  500: 'Internal error (INTERNAL)',
  503: 'The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE)',
}

/** Response entries for the error statuses a route can answer with: problem+json, as they are sent. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem details',
        content: { 'application/problem+json': { schema: ProblemRef } },
      },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemRef } } }
  >

/** Errors any route can answer with, whatever it does. */
export const commonProblems = [400, 415, 500, 503]

export const NoContent = Type.Null({ description: 'No content' })
