// Who may do what: every route's minimum role, in one table. A method a path does not have answers 405 to
// anyone who may read the path (src/http/method-not-allowed.ts). Roles are ordered, each including the one
// before it. A route missing from this table is refused to all but admins (deny by default), and the
// route × role test fails until it is added here.
import type { Role } from '../persistence/contract.js'

export type Access = Role | 'public'

export const ROLE_RANK: Record<Role, number> = { viewer: 0, contributor: 1, maintainer: 2, admin: 3 }

export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',

  'GET /tasks': 'viewer',
  'GET /tasks/:id': 'viewer',
  'POST /tasks': 'contributor',
  'PATCH /tasks/:id': 'contributor',
  'DELETE /tasks/:id': 'maintainer',

  'GET /bugs': 'viewer',
  'GET /bugs/:id': 'viewer',
  'POST /bugs': 'contributor',
  'PATCH /bugs/:id': 'contributor',
  'DELETE /bugs/:id': 'maintainer',

  'GET /status-updates': 'viewer',
  'GET /status-updates/:id': 'viewer',
  'POST /status-updates': 'contributor',

  'GET /design-notes': 'viewer',
  'GET /design-notes/:id': 'viewer',
  'POST /design-notes': 'maintainer',

  'GET /audit-entries': 'maintainer',
  'GET /audit-entries/:id': 'maintainer',
}

/** The browsable API docs and their assets stay open, like /openapi.json. */
const PUBLIC_PREFIXES = ['/docs']

/** The key of a route in ROUTE_ACCESS: method and URL pattern, without a trailing slash. */
export const routeKey = (method: string, url: string) =>
  `${method} ${url.length > 1 ? url.replace(/\/$/, '') : url}`

/** The minimum role a route needs; undefined when the table has no rule for it. */
export function accessFor(method: string, url: string): Access | undefined {
  if (PUBLIC_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`))) return 'public'
  // HEAD is GET without a body: Fastify adds one for every GET route.
  return ROUTE_ACCESS[routeKey(method === 'HEAD' ? 'GET' : method, url)]
}

export const allows = (role: Role, access: Access) =>
  access === 'public' || ROLE_RANK[role] >= ROLE_RANK[access]
