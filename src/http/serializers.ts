// Fastify's response serializer compiler (fast-json-stringify), with one serializer for every problem+json
// answer. Each route declares the Problem schema for each error status it can answer, and Fastify compiled it
// again for each: 243 of the 273 compiles at start-up, about a fifth of buildApp + ready. Every serializer is
// compiled by the first response that needs it (src/http/compile-on-use.ts).
import {
  type RouteDefinition,
  type SerializerFactory,
  SerializerSelector,
} from '@fastify/fast-json-stringify-compiler'
import type { CompileOnUse } from './compile-on-use.js'

const isProblemRef = (schema: unknown) => (schema as { $ref?: unknown } | undefined)?.$ref === 'Problem'

/**
 * A serializer factory for one app. Fastify calls it once per plugin context that adds schemas; the Problem
 * serializer is shared by all of them, since Problem refers to no other schema and every context is built
 * with the app's one set of serializer options.
 */
export function serializerFactory(compilers: CompileOnUse): SerializerFactory {
  let problem: ((doc: unknown) => string) | undefined
  return (externalSchemas, options) => {
    const compile = SerializerSelector()(externalSchemas, options)
    return (route: RouteDefinition) => {
      if (!isProblemRef(route.schema)) return compilers.serializer(() => compile(route))
      problem ??= compilers.serializer(() => compile(route))
      return problem
    }
  }
}
