// Bounded JSON: a body or dump line may nest arrays and objects at most MAX_JSON_DEPTH deep. The check is a
// linear scan that stops at the first level too many, so a hostile 1 MiB body of `[[[[…` costs
// microseconds instead of a parse that builds hundreds of thousands of nested arrays first.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { validationFailed } from '../core/errors.js'

/** Deepest nesting a body or dump line may have. trail's own data goes 6 deep (a dump's audit diff). */
export const MAX_JSON_DEPTH = 32

const QUOTE = 34
const BACKSLASH = 92
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125

/** Whether `text` has at most `limit` `[` and `{` in all: native searches, so cheap on every dump line. */
function fewOpenings(text: string, limit: number): boolean {
  let count = 0
  for (const open of ['[', '{']) {
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1))
      if (++count > limit) return false
  }
  return true
}

/** Whether `text` opens more than `limit` arrays or objects at once (outside strings). Valid JSON or not. */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  if (fewOpenings(text, limit)) return false
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--
  }
  return false
}

export const tooDeep = () =>
  validationFailed(`The JSON nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`)

/** application/json bodies: Fastify's own parser (with its prototype-poisoning checks) after the depth check. */
export default fp(
  async (app: FastifyInstance) => {
    const parse = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (nestsDeeperThan(body as string)) return done(tooDeep(), undefined)
      parse(request, body as string, done)
    })
  },
  { name: 'json-bodies' },
)
