import { type Static, Type } from '@sinclair/typebox'
import { Actor, Id, type ListFilter, ListQuery, StringEnum, Timestamp } from '../../core/schemas.js'

/** `audit` is the trail itself: the entry a prune appends. */
export const ENTITIES = ['task', 'bug', 'status_update', 'design_note', 'audit'] as const
export const ACTIONS = ['create', 'update', 'delete', 'supersede', 'restore', 'prune'] as const
export const AuditEntity = StringEnum(ENTITIES)
export const AuditAction = StringEnum(ACTIONS)

/** Lowercase hex SHA-256. */
export const Sha256Hex = (description: string) =>
  Type.String({ pattern: '^[0-9a-f]{64}$', minLength: 64, maxLength: 64, description })

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
    prevHash: Sha256Hex("The previous entry's hash; 64 zeros before the first entry ever written"),
    hash: Sha256Hex(
      'sha256(prevHash + RFC 8785 JSON of { seq, id, at, actor, entity, entityId, action, diff })',
    ),
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
export type AuditFilter = ListFilter<typeof AuditListQuery>

/** The newest entry: a checkpoint to keep outside the database (`trail audit verify --checkpoint SEQ:HASH`). */
export const AuditHead = Type.Object(
  {
    seq: AuditEntry.properties.seq,
    hash: AuditEntry.properties.hash,
    at: Timestamp,
  },
  { additionalProperties: false },
)
export type AuditHead = Static<typeof AuditHead>
