// Request validation. Bodies are never coerced or stripped: a wrong type or an unknown field is a 400.
// Query strings, params and headers arrive as text, so only they are coerced (`?limit=10` → 10).
// Fastify's single default Ajv cannot do both, hence one Ajv per part, as Fastify's docs show.
import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

const base: Options = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false }

function ajv(options: Options) {
  const instance = new Ajv({ ...base, ...options })
  addFormats.default(instance)
  return instance
}

const forBody = ajv({ coerceTypes: false })
const forText = ajv({ coerceTypes: 'array' })

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? forBody : forText).compile(schema as object)

/** Compiles a schema with the body rules, for validating data outside a request (dumps, config files). */
export const compileStrict = <T>(schema: object) => forBody.compile<T>(schema)
