// What the signed-in role may do, to hide the controls it may not use. The server still decides: a 403 is
// shown as a message (src/http/auth.ts enforces the roles of docs/API.md).
import type { Ok } from './api/client'

export type Me = Ok<'/me', 'get'>
export type Role = NonNullable<Me['role']>

const RANK: Record<Role, number> = { viewer: 0, contributor: 1, maintainer: 2, admin: 3 }

/** In open mode every request is allowed; with a token, the role must reach `needed`. */
export function allows(me: Me | undefined, needed: Role): boolean {
  if (me === undefined) return false
  if (me.role === null) return me.mode === 'open'
  return RANK[me.role] >= RANK[needed]
}
