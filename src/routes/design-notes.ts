// /design-notes: the team's ADRs. Title and body are written once; a new note may supersede an older one,
// which the repository marks in the same transaction, and PATCH moves a note along its lifecycle
// (proposed → accepted | rejected, accepted → deprecated) under If-Match.
import {
  CreateDesignNoteBody,
  DesignNote,
  DesignNoteListQuery,
  PatchDesignNoteBody,
} from '../domains/design-notes/schemas.js'
import { decodeCreatedCursor } from '../http/cursor.js'
import { createRoute, getRoute, listRoute, resource, resourcePlugin, updateRoute } from '../http/resource.js'

const designNote = resource({
  path: '/design-notes',
  noun: 'Design note',
  entity: DesignNote,
  versionOf: (entity) => entity.version,
})

export default resourcePlugin('design-notes', async (app) => {
  const repo = app.repos.designNotes
  app.route(
    createRoute(designNote, repo, {
      summary: 'Write a design note; with `supersedes`, also marks the older note superseded',
      access: 'maintainer',
      body: CreateDesignNoteBody,
      problems: [409, 422],
    }),
  )
  app.route(
    listRoute(designNote, {
      summary: 'List design notes, oldest first unless order=desc',
      access: 'viewer',
      querystring: DesignNoteListQuery,
      list: ({ limit, cursor, order, ...filter }) =>
        repo.list({ filter, order, limit, after: decodeCreatedCursor(cursor) }),
    }),
  )
  app.route(getRoute(designNote, repo, { access: 'viewer' }))
  app.route(
    updateRoute(designNote, repo, {
      summary:
        'Move a design note along its lifecycle (needs If-Match or version): proposed → accepted | rejected, accepted → deprecated; anything else is 409 INVALID_TRANSITION',
      access: 'maintainer',
      body: PatchDesignNoteBody,
    }),
  )
})
