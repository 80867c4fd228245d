// Writing a design note, superseding an older one with it, and moving a note along its lifecycle, decided from
// what the backend read (see audit/plan.ts).
import { referenceNotFound } from '../../core/errors.js'
import { auditEntry } from '../audit/entries.js'
import { type ChangePlan, combine, created, expectVersion, type RowChange } from '../audit/plan.js'
import { newDesignNote, supersede, transition } from './rules.js'
import type { CreateDesignNoteBody, DesignNote, DesignNoteChanges } from './schemas.js'

export type DesignNoteRowChange = RowChange<'design_notes', DesignNote>
type DesignNotePlan<Result> = ChangePlan<DesignNoteRowChange, Result>

/**
 * `superseded`: the note that `input.supersedes` names, as read (undefined when there is none). The new note is
 * written first, since the old one's `supersededBy` will reference it; its entries come in the same order.
 */
export function planDesignNoteCreate(
  input: CreateDesignNoteBody,
  { superseded }: { superseded: DesignNote | undefined },
  actor: string,
  now: string,
): DesignNotePlan<DesignNote> {
  const note = newDesignNote(input, actor, now)
  const creation = created('design_notes', 'design_note', note, actor)
  if (input.supersedes === undefined) return creation
  if (superseded === undefined) throw referenceNotFound('supersedes', input.supersedes)
  const marked = supersede(superseded, note)
  const supersession: DesignNotePlan<DesignNote> = {
    changes: [
      {
        table: 'design_notes',
        op: 'update',
        before: superseded,
        row: marked,
        expectedVersion: superseded.version,
      },
    ],
    audit: [auditEntry('design_note', 'supersede', actor, note.createdAt, superseded, marked)],
    result: marked,
  }
  return combine([creation, supersession], note)
}

/** What a status change reads: the note under `id`, if any. */
export interface DesignNoteReads {
  id: string
  note: DesignNote | undefined
}

/** A PATCH of the status: compare-and-set on the version, one `update` entry for the transition. */
export function planDesignNoteStatus(
  { id, note }: DesignNoteReads,
  changes: DesignNoteChanges,
  expectedVersion: number,
  actor: string,
  now: string,
): DesignNotePlan<DesignNote> {
  const current = expectVersion(note, 'Design note', id, expectedVersion)
  const next = transition(current, changes.status)
  return {
    changes: [{ table: 'design_notes', op: 'update', before: current, row: next, expectedVersion }],
    audit: [auditEntry('design_note', 'update', actor, now, current, next)],
    result: next,
  }
}
