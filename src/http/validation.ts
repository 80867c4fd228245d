// Request validation: the schema compiler Fastify uses for every route, with the rules of src/core/validation.ts,
// each validator compiled by the first request that needs it (src/http/compile-on-use.ts).
import type { FastifySchemaCompiler } from 'fastify'
import { compileForPart } from '../core/validation.js'
import type { CompileOnUse } from './compile-on-use.js'

export const validatorCompiler =
  (compilers: CompileOnUse): FastifySchemaCompiler<unknown> =>
  ({ schema, httpPart }) =>
    compilers.validator(() => compileForPart(httpPart === 'body' ? 'body' : 'text', schema as object))
