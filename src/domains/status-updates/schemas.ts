import { type Static, Type } from '@sinclair/typebox'
import {
  Actor,
  CreateBody,
  Id,
  type ListFilter,
  SearchableListQuery,
  Text,
  Timestamp,
} from '../../core/schemas.js'

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

export const CreateStatusUpdateBody = CreateBody(
  { message: Message },
  { taskId: Type.Union([Id, Type.Null()]) },
)
export type CreateStatusUpdateBody = Static<typeof CreateStatusUpdateBody>

export const StatusUpdateListQuery = SearchableListQuery({ taskId: Id, actor: Actor, since: Timestamp })
export type StatusUpdateFilter = ListFilter<typeof StatusUpdateListQuery>
