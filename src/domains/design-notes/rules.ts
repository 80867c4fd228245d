import { uuidv7 } from 'uuidv7'
import { alreadySuperseded, invalidTransition } from '../../core/errors.js'
import type { CreateDesignNoteBody, DesignNote, DesignNoteStatus } from './schemas.js'

export function newDesignNote(input: CreateDesignNoteBody, actor: string, now: string): DesignNote {
  const { title, context, decision, consequences } = input
  return {
    id: uuidv7(),
    title,
    context,
    decision,
    consequences,
    actor,
    createdAt: now,
    supersededBy: null,
    status: input.status ?? 'accepted',
    version: 1,
  }
}

/**
 * The moves PATCH may make (MADR / log4brains lifecycle). `superseded` is reached only by writing a note that
 * supersedes this one, so it is never a PATCH target; `rejected`, `deprecated` and `superseded` are final.
 */
export const TRANSITIONS: Record<DesignNoteStatus, readonly DesignNoteStatus[]> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['deprecated'],
  rejected: [],
  deprecated: [],
  superseded: [],
}

/** The note moved to `status`, one version on; throws `invalidTransition` for a move the lifecycle lacks. */
export function transition(note: DesignNote, status: DesignNoteStatus): DesignNote {
  const allowed = TRANSITIONS[note.status]
  if (!allowed.includes(status))
    throw invalidTransition(`Design note ${note.id}`, note.status, status, allowed)
  return { ...note, status, version: note.version + 1 }
}

/** The old note marked as superseded by the new one; a note is superseded at most once. */
export function supersede(old: DesignNote, by: DesignNote): DesignNote {
  if (old.supersededBy !== null) throw alreadySuperseded(old.id, old.supersededBy)
  return { ...old, supersededBy: by.id, status: 'superseded', version: old.version + 1 }
}
