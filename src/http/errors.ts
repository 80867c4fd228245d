// Turns every error into RFC 9457 problem+json. fastify-plugin is needed so the handlers apply to the
// whole app, not only inside this plugin. A 5xx answer never carries a message, stack, SQL or path.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import {
  type ErrorCode,
  type FieldError,
  isTrailError,
  notFound,
  TrailError,
  validationFailed,
} from '../errors.js'

const problemType = (code: ErrorCode) => `urn:trail:problem:${code.toLowerCase().replaceAll('_', '-')}`

function send(reply: FastifyReply, error: TrailError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...error.extra,
    })
}

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body'
  return (error.validation as AjvError[]).map((e) => {
    if (e.keyword === 'additionalProperties') {
      return { path: `/${part}${e.instancePath}/${e.params.additionalProperty}`, message: 'unknown field' }
    }
    if (e.keyword === 'required') {
      return { path: `/${part}${e.instancePath}/${e.params.missingProperty}`, message: 'is required' }
    }
    if (e.keyword === 'pattern') {
      return { path: `/${part}${e.instancePath}`, message: 'must not be blank or contain a NUL character' }
    }
    return { path: `/${part}${e.instancePath}`, message: e.message ?? 'is invalid' }
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
