import { uuidv7 } from 'uuidv7'
import { alreadySuperseded } from '../../core/errors.js'
import type { CreateDesignNoteBody, DesignNote } from './schemas.js'

export function newDesignNote(input: CreateDesignNoteBody, actor: string, now: string): DesignNote {
  const { title, context, decision, consequences } = input
  return { id: uuidv7(), title, context, decision, consequences, actor, createdAt: now, supersededBy: null }
}

/** The old note marked as superseded by the new one; a note is superseded at most once. */
export function supersede(old: DesignNote, by: DesignNote): DesignNote {
  if (old.supersededBy !== null) throw alreadySuperseded(old.id, old.supersededBy)
  return { ...old, supersededBy: by.id }
}
