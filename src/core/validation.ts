// Validation with Ajv, for requests (src/http/validation.ts) and for data outside a request (dumps).
// Bodies are never coerced or stripped: a wrong type or an unknown field is a 400.
// Query strings, params and headers arrive as text, so only they are coerced (`?limit=10` → 10).
// Fastify's single default Ajv cannot do both, hence one Ajv per part, as Fastify's docs show.
//
// Validation stops at the first error, so its cost is bounded whatever a client sends (with Ajv's
// allErrors, a 1 MiB body of 340,000 bad items made 340,000 errors: 5.7 s of CPU and a 60 MB answer).
// Only a small input that fails is checked again for every error, to name each bad field, and at most
// MAX_ERRORS of them are reported.
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { isAcceptableText, TEXT_FORMAT } from './text.js'

/** Most errors a 400 reports. */
export const MAX_ERRORS = 20
/** Inputs of at most this many values (fields, items, scalars) and characters are checked for all errors. */
const DETAILED_UP_TO = { values: 200, characters: 64 * 1024 }

const base: Options = { removeAdditional: false, useDefaults: true, strict: false }

// ajv-formats splits a date-time at every `t` or space: 0.6 s on 1 MiB of spaces. Nothing longer than
// 64 characters is a timestamp trail writes, so longer ones are refused before that split.
const MAX_DATE_TIME = 64
const dateTime = addFormats.default.get('date-time') as { validate: (s: string) => boolean; compare: never }

function ajv(options: Options) {
  const instance = new Ajv({ ...base, ...options })
  addFormats.default(instance)
  instance.addFormat(TEXT_FORMAT, { type: 'string', validate: isAcceptableText })
  instance.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => s.length <= MAX_DATE_TIME && dateTime.validate(s),
    compare: dateTime.compare,
  })
  return instance
}

/** The Ajv that stops at the first error, and the one that lists them all, made when first needed. */
function pair(options: Options) {
  let first: Ajv | undefined
  let all: Ajv | undefined
  return {
    first: () => (first ??= ajv(options)),
    all: () => (all ??= ajv({ ...options, allErrors: true })),
  }
}
type Pair = ReturnType<typeof pair>

const forBody = pair({ coerceTypes: false })
const forText = pair({ coerceTypes: 'array' })

/** Whether `data` is within `limit`, counting without visiting more values than that. */
function isSmall(data: unknown, limit: typeof DETAILED_UP_TO): boolean {
  const pending: unknown[] = [data]
  let seen = 0
  let characters = 0
  while (pending.length > 0) {
    const value = pending.pop()
    if (++seen > limit.values) return false
    if (typeof value === 'string') {
      characters += value.length
      if (characters > limit.characters) return false
    }
    if (typeof value === 'object' && value !== null) {
      const children = Array.isArray(value) ? value : Object.values(value)
      if (seen + pending.length + children.length > limit.values) return false
      pending.push(...children)
    }
  }
  return true
}

export type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }

function compile(ajvs: Pair, schema: object): Validate {
  const first = ajvs.first().compile(schema)
  let all: ValidateFunction | undefined
  const validate: Validate = (data) => {
    if (first(data)) {
      validate.errors = null
      return true
    }
    validate.errors = first.errors
    if (isSmall(data, DETAILED_UP_TO)) {
      all ??= ajvs.all().compile(schema)
      if (!all(data) && all.errors) validate.errors = all.errors.slice(0, MAX_ERRORS)
    }
    return false
  }
  return validate
}

/** A validator for one part of a request: the body strictly, the text parts (query, params, headers) coerced. */
export const compileForPart = (part: 'body' | 'text', schema: object) =>
  compile(part === 'body' ? forBody : forText, schema)

/**
 * Compiles a schema with the body rules, for validating data outside a request (dumps, config files).
 * It stops at the first error.
 */
export const compileStrict = <T>(schema: object) => forBody.first().compile<T>(schema)
