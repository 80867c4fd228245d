import { type Static, Type } from '@sinclair/typebox'
import { Actor, Id, ListQuery, StringEnum, Timestamp } from '../../core/schemas.js'

export const ENTITIES = ['task', 'bug', 'status_update', 'design_note'] as const
export const ACTIONS = ['create', 'update', 'delete', 'supersede', 'restore'] as const
export const AuditEntity = StringEnum(ENTITIES)
export const AuditAction = StringEnum(ACTIONS)

export const AuditDiff = Type.Record(
  Type.String(),
  Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }),
  {
    description: '{ field: [before, after] }; before is null on create, after is null on delete',
  },
)

export const AuditEntry = Type.Object(
  {
    id: Id,
    seq: Type.Integer({ minimum: 1, description: 'Gap-free, increasing in commit order' }),
    actor: Actor,
    entity: AuditEntity,
    entityId: Id,
    action: AuditAction,
    at: Timestamp,
    diff: AuditDiff,
  },
  { additionalProperties: false },
)
export type AuditEntry = Static<typeof AuditEntry>
export type AuditEntity = Static<typeof AuditEntity>
export type AuditAction = Static<typeof AuditAction>
export type AuditDiff = Static<typeof AuditDiff>

export const AuditListQuery = ListQuery({
  entity: Type.Optional(AuditEntity),
  entityId: Type.Optional(Id),
  actor: Type.Optional(Actor),
  action: Type.Optional(AuditAction),
  since: Type.Optional(Timestamp),
  until: Type.Optional(Timestamp),
})
export type AuditFilter = Omit<Static<typeof AuditListQuery>, 'limit' | 'cursor'>
