// GET /me: who the server takes the caller to be, and what they may do. The web interface asks it to know
// whether to offer a token field, and which controls to hide; it is not a way in (it needs a valid token
// like every other read).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import { Role } from '../auth/schemas.js'
import { Actor } from '../core/schemas.js'
import { problems } from './schemas.js'

const Me = Type.Object({
  actor: Actor,
  mode: Type.Union([Type.Literal('open'), Type.Literal('token')], {
    description: '`open` while no API token exists (every request is allowed), `token` after',
  }),
  role: Type.Union([Role, Type.Null()], { description: "the token's role; null in open mode" }),
})

const me: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['service'],
        operationId: 'getMe',
        summary: 'The caller: actor, mode and role',
        description: 'In open mode the actor comes from X-Actor; with tokens, from the token.',
        response: { 200: Me, ...problems(400, 500, 503) },
      },
      config: { access: 'viewer' },
    },
    async (request) => ({
      actor: request.actor,
      mode: request.role === undefined ? ('open' as const) : ('token' as const),
      role: request.role ?? null,
    }),
  )
}

export default fp(me, { name: 'me', dependencies: ['auth'], encapsulate: true })
