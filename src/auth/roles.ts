// Who may do what. Each route declares the least role it needs beside its definition, in its route config
// (`config: { access: 'contributor' }`); the auth plugin (src/http/auth.ts) reads it there and refuses to
// start when a route declares none. Roles are ordered, each including the one before it.
import type { Role } from './schemas.js'

export type Access = Role | 'public'

export const ROLE_RANK: Record<Role, number> = { viewer: 0, contributor: 1, maintainer: 2, admin: 3 }

export const allows = (role: Role, access: Access) =>
  access === 'public' || ROLE_RANK[role] >= ROLE_RANK[access]
