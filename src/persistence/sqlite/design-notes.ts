import { isNotNull, isNull, sql } from 'drizzle-orm'
import { referenceNotFound } from '../../core/errors.js'
import type { SortOrder } from '../../core/paging.js'
import { newDesignNote, supersede } from '../../domains/design-notes/rules.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import { auditEntry } from '../audit.js'
import type { DesignNoteRepository } from '../contract.js'
import { type DesignNoteRow, designNoteFromRow, designNoteToRow } from './rows.js'
import {
  byId,
  createdAfter,
  createdAfterParams,
  createdOrder,
  createdPage,
  insertValues,
  listStatements,
  type Store,
} from './store.js'
import { designNotes } from './tables.js'

export function createDesignNoteRepository(store: Store): DesignNoteRepository {
  const { db, write, appendAudit, now } = store
  const insertNote = db.insert(designNotes).values(insertValues(designNotes)).prepare()
  const selectNote = db.select().from(designNotes).where(byId(designNotes)).prepare()
  const markSuperseded = db
    .update(designNotes)
    .set({ supersededBy: sql`${sql.placeholder('supersededBy')}` })
    .where(byId(designNotes))
    .prepare()
  const listStatementsIn = (order: SortOrder) =>
    listStatements(
      {
        // Only whether these are set matters: `state` picks one of the two conditions.
        active: () => isNull(designNotes.supersededBy),
        superseded: () => isNotNull(designNotes.supersededBy),
        afterId: () => createdAfter(designNotes, order),
      },
      (where) =>
        db
          .select()
          .from(designNotes)
          .where(where)
          .orderBy(...createdOrder(designNotes, order))
          .limit(sql.placeholder('limit'))
          .prepare(),
    )
  const listStatement = { asc: listStatementsIn('asc'), desc: listStatementsIn('desc') }

  const getNote = (id: string) => {
    const row: DesignNoteRow | undefined = selectNote.get({ id })
    return row && designNoteFromRow(row)
  }

  return {
    async create(input, actor) {
      return write((): DesignNote => {
        const note = newDesignNote(input, actor, now())
        insertNote.run(designNoteToRow(note))
        const entries = [auditEntry('design_note', 'create', actor, note.createdAt, null, note)]
        if (input.supersedes !== undefined) {
          const old = getNote(input.supersedes)
          if (old === undefined) throw referenceNotFound('supersedes', input.supersedes)
          const superseded = supersede(old, note)
          markSuperseded.run({ id: old.id, supersededBy: note.id })
          entries.push(auditEntry('design_note', 'supersede', actor, note.createdAt, old, superseded))
        }
        appendAudit(entries)
        return note
      })
    },
    async get(id) {
      return getNote(id)
    },
    async list({ filter, order, limit, after }) {
      const params = {
        active: filter.state === 'active' || undefined,
        superseded: filter.state === 'superseded' || undefined,
        ...createdAfterParams(after),
        limit: limit + 1,
      }
      return createdPage(listStatement[order](params).all(params).map(designNoteFromRow), limit)
    },
  }
}
