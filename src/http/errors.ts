// Turns every error into RFC 9457 problem+json. fastify-plugin is needed so the handlers apply to the
// whole app, not only inside this plugin. A 5xx answer never carries a message, stack, SQL or path.
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import {
  type ErrorCode,
  type FieldError,
  isTrailError,
  notFound,
  TrailError,
  validationFailed,
} from '../core/errors.js'
import { http } from '../core/node-http.js'
import { TEXT_FORMAT } from '../core/text.js'
import { MAX_ERRORS } from '../core/validation.js'

const problemType = (code: ErrorCode) => `urn:trail:problem:${code.toLowerCase().replaceAll('_', '-')}`

const PROBLEM_JSON = 'application/problem+json; charset=utf-8'

const problemOf = (error: TrailError) => ({
  type: problemType(error.code),
  title: error.title,
  status: error.status,
  detail: error.message,
  code: error.code,
  ...error.extra,
})

function send(reply: FastifyReply, error: TrailError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply.code(error.status).type(PROBLEM_JSON).send(problemOf(error))
}

/**
 * Fastify's `frameworkErrors`: errors raised before routing (a URL that does not decode), answered as
 * problem+json like every other error instead of Fastify's own `{"error":"Bad Request"}`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return send(reply, validationFailed('The URL is malformed', [{ path: '/url', message: 'is invalid' }]))
  }
  request.log.error({ err: error }, 'request failed before routing')
  return send(
    reply,
    new TrailError(500, 'INTERNAL', 'Internal error', 'Something went wrong; it has been logged'),
  )
}

/** What Node's HTTP parser refused, by its error code, as one of ours. */
function fromParser(code: string | undefined): TrailError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new TrailError(
        408,
        'REQUEST_TIMEOUT',
        'Request timeout',
        'The request was not received in time; send it whole',
      )
    case 'HPE_HEADER_OVERFLOW':
      return new TrailError(
        431,
        'HEADERS_TOO_LARGE',
        'Request header fields too large',
        'The request line and headers are larger than 16 KiB',
      )
    case 'HPE_INVALID_METHOD':
      return new TrailError(501, 'NOT_IMPLEMENTED', 'Not implemented', 'The request method is not supported')
    default:
      return validationFailed('The request is not valid HTTP/1.1 (malformed request line or headers)')
  }
}

/**
 * The server's `clientError` handler (Fastify's `clientErrorHandler`): requests Node's parser refuses never
 * reach Fastify, so the answer is written to the socket directly, as problem+json, and the connection closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  // Node's own rule: never write a second status line after a response has begun on this socket.
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !response?.headersSent) {
    const problem = fromParser(error.code)
    const body = JSON.stringify(problemOf(problem))
    socket.write(
      `HTTP/1.1 ${problem.status} ${http.STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

/** Longest path or message a field error repeats: a client's own field names come back in paths. */
const MAX_ERROR_TEXT = 200
const bounded = (text: string) =>
  text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT - 1)}…`

function fieldError(part: string, e: AjvError): FieldError {
  const at = `/${part}${e.instancePath}`
  if (e.keyword === 'additionalProperties')
    return { path: `${at}/${e.params.additionalProperty}`, message: 'unknown field' }
  if (e.keyword === 'required') return { path: `${at}/${e.params.missingProperty}`, message: 'is required' }
  if (e.keyword === 'format' && e.params.format === TEXT_FORMAT)
    return { path: at, message: 'must not be blank, contain a NUL character or a lone surrogate' }
  return { path: at, message: e.message ?? 'is invalid' }
}

/** At most MAX_ERRORS errors (validation.ts stops early already), each with a bounded path and message. */
function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body'
  return (error.validation as AjvError[]).slice(0, MAX_ERRORS).map((e) => {
    const { path, message } = fieldError(part, e)
    return { path: bounded(path), message: bounded(message) }
  })
}

/** Fastify's own client errors, by code, as ours. */
function fromFastify(error: FastifyError): TrailError | undefined {
  if (error.validation) return validationFailed('The request does not match the schema', fieldErrors(error))
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new TrailError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', 'The body is larger than 1 MiB')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new TrailError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send application/json')
  }
  const status = error.statusCode ?? 500
  // Our own 403s and 404s are TrailErrors; these come from @fastify/static under /docs/static, which answers
  // 403 to a path climbing out of its folder (`%2e%2e/`). Such a path names nothing served: a 404.
  if (status === 403 || status === 404) return notFound('The file')
  // Fastify's 4xx messages (malformed JSON, bad Content-Length, …) describe the request, not our internals.
  if (status >= 400 && status < 500)
    return new TrailError(status, 'VALIDATION_FAILED', 'Bad request', error.message)
  return undefined
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const known = isTrailError(error) ? error : fromFastify(error)
      if (known !== undefined && known.status < 500) return send(reply, known)
      request.log.error({ err: error }, 'request failed')
      return send(
        reply,
        known ??
          new TrailError(500, 'INTERNAL', 'Internal error', 'Something went wrong; it has been logged'),
      )
    })
    app.setNotFoundHandler((request, reply) =>
      send(reply, notFound(`Route ${request.method} ${request.url}`)),
    )
  },
  { name: 'http-errors' },
)
