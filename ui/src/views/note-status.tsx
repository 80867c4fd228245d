// A design note's lifecycle (PATCH /design-notes/{id} { status } with If-Match): the moves the contract
// allows from the note's status, offered to maintainers only. Superseding stays the note form's job.
import { useState } from 'preact/hooks'
import { allows, type Me } from '../access'
import { api, type DesignNote, describeProblem, ifMatch } from '../api/client'
import { Message } from '../components'

type Status = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded'

/** proposed → accepted | rejected, accepted → deprecated (docs/API.md, design-note lifecycle). */
const MOVES: Record<Status, { to: Status; label: string }[]> = {
  proposed: [
    { to: 'accepted', label: 'Accept' },
    { to: 'rejected', label: 'Reject' },
  ],
  accepted: [{ to: 'deprecated', label: 'Deprecate' }],
  rejected: [],
  deprecated: [],
  superseded: [],
}

export function NoteStatus(props: { note: DesignNote; me: Me; onChanged: () => void }) {
  const [problem, setProblem] = useState<string | undefined>()
  const note = props.note as DesignNote & { status: Status; version: number }
  const moves = allows(props.me, 'maintainer') ? MOVES[note.status] : []
  // A refused move (a 403 re-reads the role and hides the buttons) is still explained.
  if (moves.length === 0) return problem ? <Message kind="error">{problem}</Message> : null
  return (
    <fieldset class="actions">
      <legend class="visually-hidden">Status of “{note.title}”</legend>
      {moves.map((move) => (
        <button
          key={move.to}
          type="button"
          onClick={async () => {
            const { data, error, response } = await api.PATCH('/design-notes/{id}', {
              params: { path: { id: note.id } },
              headers: ifMatch(note.version),
              body: { status: move.to },
            })
            if (data) return props.onChanged()
            if (response.status === 412) {
              setProblem('Someone changed this note meanwhile; the log now shows its current status.')
              return props.onChanged()
            }
            setProblem(describeProblem(error, response.status))
          }}
        >
          {move.label}
          <span class="visually-hidden"> “{note.title}”</span>
        </button>
      ))}
      {problem ? <Message kind="error">{problem}</Message> : null}
    </fieldset>
  )
}
