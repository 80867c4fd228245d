import { type Static, Type } from '@sinclair/typebox'
import { Actor, Id, ListQuery, SearchFilter, Text, Timestamp } from '../../core/schemas.js'

const Message = Text(4000)

export const StatusUpdate = Type.Object(
  {
    id: Id,
    actor: Actor,
    taskId: Type.Union([Id, Type.Null()]),
    message: Message,
    createdAt: Timestamp,
  },
  { additionalProperties: false },
)
export type StatusUpdate = Static<typeof StatusUpdate>

export const CreateStatusUpdateBody = Type.Object(
  { message: Message, taskId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
)
export type CreateStatusUpdateBody = Static<typeof CreateStatusUpdateBody>

export const StatusUpdateListQuery = ListQuery({
  taskId: Type.Optional(Id),
  actor: Type.Optional(Actor),
  since: Type.Optional(Timestamp),
  ...SearchFilter,
})
export type StatusUpdateFilter = Pick<
  Static<typeof StatusUpdateListQuery>,
  'taskId' | 'actor' | 'since' | 'q'
>
