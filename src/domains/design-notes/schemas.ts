import { type Static, Type } from '@sinclair/typebox'
import { SORT_ORDERS } from '../../core/paging.js'
import { Actor, Id, ListQuery, StringEnum, Text, Timestamp } from '../../core/schemas.js'

const Title = Text(200)
const Body = Text(20_000)

export const DesignNote = Type.Object(
  {
    id: Id,
    title: Title,
    context: Body,
    decision: Body,
    consequences: Body,
    actor: Actor,
    createdAt: Timestamp,
    supersededBy: Type.Union([Id, Type.Null()]),
  },
  { additionalProperties: false },
)
export type DesignNote = Static<typeof DesignNote>

export const CreateDesignNoteBody = Type.Object(
  { title: Title, context: Body, decision: Body, consequences: Body, supersedes: Type.Optional(Id) },
  { additionalProperties: false },
)
export type CreateDesignNoteBody = Static<typeof CreateDesignNoteBody>

export const DesignNoteListQuery = ListQuery({
  state: Type.Optional(StringEnum(['active', 'superseded'] as const)),
  order: StringEnum(SORT_ORDERS, { default: 'asc' }),
})
export type DesignNoteFilter = Pick<Static<typeof DesignNoteListQuery>, 'state'>
