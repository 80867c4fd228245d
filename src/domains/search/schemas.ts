// What search takes and answers (docs/API.md "Search"): the query text, the entity types it may cover, and
// one hit per matching entity.
import { type Static, Type } from '@sinclair/typebox'
import { Cursor, Id, Limit, SearchText, StringEnum, Timestamp } from '../../core/schemas.js'

export const SEARCH_TYPES = ['task', 'bug', 'status_update', 'design_note'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const SearchQuery = Type.Object(
  {
    q: SearchText,
    types: Type.Optional(
      Type.String({
        maxLength: 100,
        pattern: `^(${SEARCH_TYPES.join('|')})(,(${SEARCH_TYPES.join('|')}))*$`,
        description: `Comma-separated entity types to search (default all): ${SEARCH_TYPES.join(', ')}`,
      }),
    ),
    limit: Limit,
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
)
export type SearchQuery = Static<typeof SearchQuery>

export const SearchHit = Type.Object(
  {
    type: StringEnum(SEARCH_TYPES),
    id: Id,
    title: Type.String({ description: "The entity's title; a status update's message, shortened" }),
    snippet: Type.String({ description: 'Plain text around the first match in the body (no markup)' }),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
)
export type SearchHit = Static<typeof SearchHit>
