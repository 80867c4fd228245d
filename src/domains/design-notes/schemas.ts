import { type Static, Type } from '@sinclair/typebox'
import { SORT_ORDERS } from '../../core/paging.js'
import {
  Actor,
  CreateBody,
  Id,
  type ListFilter,
  ListQuery,
  SearchFilter,
  StringEnum,
  Text,
  Timestamp,
  Version,
} from '../../core/schemas.js'

const Title = Text(200)
const Body = Text(20_000)

/** The ADR lifecycle (MADR's statuses); see rules.ts for the moves between them. */
export const DESIGN_NOTE_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const
export type DesignNoteStatus = (typeof DESIGN_NOTE_STATUSES)[number]
/** The statuses a note may be written with; the others are reached by a transition or by superseding. */
export const INITIAL_STATUSES = ['proposed', 'accepted'] as const

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
    status: StringEnum(DESIGN_NOTE_STATUSES),
    version: Version,
  },
  { additionalProperties: false },
)
export type DesignNote = Static<typeof DesignNote>

export const CreateDesignNoteBody = CreateBody(
  { title: Title, context: Body, decision: Body, consequences: Body },
  { supersedes: Id, status: StringEnum(INITIAL_STATUSES, { default: 'accepted' }) },
)
export type CreateDesignNoteBody = Static<typeof CreateDesignNoteBody>

/** PATCH: only the status moves; `version` may stand in for If-Match as on tasks and bugs. */
export const PatchDesignNoteBody = Type.Object(
  { status: StringEnum(DESIGN_NOTE_STATUSES), version: Type.Optional(Version) },
  { additionalProperties: false },
)
export type DesignNoteChanges = { status: DesignNoteStatus }

export const DesignNoteListQuery = ListQuery({
  state: Type.Optional(StringEnum(['active', 'superseded'] as const)),
  status: Type.Optional(StringEnum(DESIGN_NOTE_STATUSES)),
  ...SearchFilter,
  order: StringEnum(SORT_ORDERS, { default: 'asc' }),
})
export type DesignNoteFilter = ListFilter<typeof DesignNoteListQuery, 'order'>
