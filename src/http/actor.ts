// Who is acting: in this release the X-Actor header (default `anonymous`). API tokens will replace it here,
// and nothing else in the app needs to change.
import fp from 'fastify-plugin'
import { validationFailed } from '../errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    actor: string
  }
}

const ACTOR = /^[^\p{Cc}]*[^\p{Cc}\s][^\p{Cc}]*$/u

export default fp(
  async (app) => {
    app.decorateRequest('actor', 'anonymous')
    app.addHook('onRequest', async (request) => {
      const header = request.headers['x-actor']
      if (header === undefined) return
      if (typeof header !== 'string' || header.length > 200 || !ACTOR.test(header)) {
        throw validationFailed('X-Actor must be one name of 1 to 200 printable characters', [
          { path: '/headers/x-actor', message: 'is invalid' },
        ])
      }
      request.actor = header.trim()
    })
  },
  { name: 'actor' },
)
