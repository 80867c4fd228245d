// Every error a client can see, with its stable code, in one place. Repositories and routes throw these;
// src/http/errors.ts turns them (and Fastify's own errors) into RFC 9457 problem+json.

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'VERSION_MISMATCH'
  | 'PRECONDITION_REQUIRED'
  | 'REFERENCE_NOT_FOUND'
  | 'ALREADY_SUPERSEDED'
  | 'URL_NOT_ALLOWED'
  | 'INVALID_TRANSITION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'NOT_IMPLEMENTED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL'

export interface FieldError {
  path: string
  message: string
}

export class TrailError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    detail: string,
    /** Extra members of the problem document, e.g. `currentVersion`. */
    readonly extra: Record<string, unknown> = {},
    /** Response headers that belong to this error, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
    this.name = 'TrailError'
  }
}

export const validationFailed = (detail: string, errors: FieldError[] = []) =>
  new TrailError(400, 'VALIDATION_FAILED', 'Invalid request', detail, { errors })

export const notFound = (what: string, id?: string) =>
  new TrailError(
    404,
    'NOT_FOUND',
    'Not found',
    id === undefined ? `${what} not found` : `${what} ${id} not found`,
  )

export const methodNotAllowed = (method: string, allow: string[]) =>
  new TrailError(
    405,
    'METHOD_NOT_ALLOWED',
    'Method not allowed',
    `${method} is not supported here; allowed methods: ${allow.join(', ')}`,
    {},
    { allow: allow.join(', ') },
  )

/** A stale version. 409 by default; 412 when the client sent the version in `If-Match`. */
export const versionMismatch = (currentVersion: number, status: 409 | 412 = 409) =>
  new TrailError(
    status,
    'VERSION_MISMATCH',
    'Version mismatch',
    `The resource has changed; its current version is ${currentVersion}`,
    { currentVersion },
    { etag: `"${currentVersion}"` },
  )

export const preconditionRequired = () =>
  new TrailError(
    428,
    'PRECONDITION_REQUIRED',
    'Precondition required',
    'Send the version you last saw: an If-Match header, or `version` in the body (PATCH) or query (DELETE)',
  )

export const referenceNotFound = (field: string, id: string) =>
  new TrailError(
    422,
    'REFERENCE_NOT_FOUND',
    'Reference not found',
    `${field} ${id} names nothing that exists`,
    {
      errors: [{ path: `/${field}`, message: 'no such resource' }],
    },
  )

/** A status change the lifecycle does not allow from the current status (design notes). */
export const invalidTransition = (what: string, from: string, to: string, allowed: readonly string[]) =>
  new TrailError(
    409,
    'INVALID_TRANSITION',
    'Invalid transition',
    `${what} cannot move from ${from} to ${to}` +
      (allowed.length > 0 ? `; from ${from} it may move to ${allowed.join(', ')}` : `; ${from} is final`),
    { currentStatus: from, allowedStatuses: [...allowed] },
  )

export const alreadySuperseded = (id: string, supersededBy: string) =>
  new TrailError(
    409,
    'ALREADY_SUPERSEDED',
    'Already superseded',
    `Design note ${id} is already superseded by ${supersededBy}`,
    { supersededBy },
  )

/** A webhook URL trail will not send to: not http(s), or a host on a loopback, private, link-local or multicast address. */
export const urlNotAllowed = (detail: string) =>
  new TrailError(422, 'URL_NOT_ALLOWED', 'URL not allowed', detail, {
    errors: [{ path: '/url', message: 'not allowed' }],
  })

/** No usable credentials: missing, unknown, revoked or expired. `WWW-Authenticate` says how to authenticate. */
export const unauthorized = (detail: string) =>
  new TrailError(
    401,
    'UNAUTHORIZED',
    'Unauthorized',
    detail,
    {},
    { 'www-authenticate': 'Bearer realm="trail"' },
  )

export const forbidden = (role: string, needed: string) =>
  new TrailError(403, 'FORBIDDEN', 'Forbidden', `This needs the ${needed} role; your token has ${role}`)

export const rateLimited = (retryAfterSeconds: number) =>
  new TrailError(
    429,
    'RATE_LIMITED',
    'Too many requests',
    `Slow down; try again in ${retryAfterSeconds} s`,
    {},
    { 'retry-after': String(retryAfterSeconds) },
  )

/** The database cannot take the request now (down, locked past the timeout, read-only, full); retrying later may work. */
export const serviceUnavailable = (detail: string, retryAfterSeconds = 1) =>
  new TrailError(
    503,
    'SERVICE_UNAVAILABLE',
    'Service unavailable',
    detail,
    {},
    { 'retry-after': String(retryAfterSeconds) },
  )

export const isTrailError = (error: unknown): error is TrailError => error instanceof TrailError
