// Request validation: the schema compiler Fastify uses for every route, with the rules of src/core/validation.ts.
import type { FastifySchemaCompiler } from 'fastify'
import { compileForPart } from '../core/validation.js'

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  compileForPart(httpPart === 'body' ? 'body' : 'text', schema as object)
