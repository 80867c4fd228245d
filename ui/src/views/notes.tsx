// The design-note log: each supersede chain drawn as a timeline (oldest decision first), bodies rendered
// as sanitised Markdown, and a form to write a note or supersede an active one.
import { useRef, useState } from 'preact/hooks'
import { allows } from '../access'
import { api, type DesignNote, describeProblem } from '../api/client'
import { Badge, Message, useLoad, when } from '../components'
import { allPages, orThrow } from '../pages'
import { NoteStatus } from './note-status'
import type { ViewProps } from './view'

/** Chains of notes, each from its first decision to the one that stands now, in the log's order. */
export function chains(notes: DesignNote[]): DesignNote[][] {
  const byId = new Map(notes.map((note) => [note.id, note]))
  const superseded = new Set(notes.flatMap((note) => (note.supersededBy ? [note.supersededBy] : [])))
  return notes
    .filter((note) => !superseded.has(note.id))
    .map((first) => {
      const chain = [first]
      let next = first.supersededBy ? byId.get(first.supersededBy) : undefined
      while (next && !chain.includes(next)) {
        chain.push(next)
        next = next.supersededBy ? byId.get(next.supersededBy) : undefined
      }
      return chain
    })
}

export function NotesView({ me }: ViewProps) {
  const notes = useLoad(
    () =>
      allPages(async (cursor) =>
        orThrow(
          await api.GET('/design-notes', { params: { query: { limit: 200, order: 'asc', cursor } } }),
          describeProblem,
        ),
      ),
    [],
  )
  const markdown = useLoad(() => import('../markdown'), [])
  const [supersedes, setSupersedes] = useState('')
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>()
  const formTitle = useRef<HTMLInputElement>(null)
  const canWrite = allows(me, 'maintainer')
  const active = (notes.data ?? []).filter((note) => note.supersededBy === null)

  // The HTML is marked's output sanitised by DOMPurify (src/markdown.ts).
  const body = (text: string) =>
    markdown.data ? (
      <div class="markdown" dangerouslySetInnerHTML={{ __html: markdown.data.renderMarkdown(text) }} />
    ) : (
      <p class="plain">{text}</p>
    )

  return (
    <section aria-labelledby="notes-title">
      <h1 id="notes-title">Design notes</h1>
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      {notes.error ? <Message kind="error">{notes.error}</Message> : null}
      <div class="chains">
        {chains(notes.data ?? []).map((chain) => (
          <ol key={chain[0]!.id} class="timeline" aria-label={`Decisions on “${chain[0]!.title}”`}>
            {chain.map((note) => (
              <li key={note.id} class={note.supersededBy ? 'superseded' : 'active'}>
                <article aria-labelledby={`note-${note.id}`}>
                  <h2 id={`note-${note.id}`}>
                    {note.title} <Badge value={note.status} label="status" />
                  </h2>
                  <p class="meta">
                    {note.actor}, <time dateTime={note.createdAt}>{when(note.createdAt)}</time>
                  </p>
                  <details>
                    <summary>
                      Context, decision and consequences
                      <span class="visually-hidden"> of “{note.title}”</span>
                    </summary>
                    <h3>Context</h3>
                    {body(note.context)}
                    <h3>Decision</h3>
                    {body(note.decision)}
                    <h3>Consequences</h3>
                    {body(note.consequences)}
                  </details>
                  <NoteStatus note={note} me={me} onChanged={notes.reload} />
                  {canWrite && !note.supersededBy ? (
                    <button
                      type="button"
                      onClick={() => {
                        setSupersedes(note.id)
                        formTitle.current?.focus()
                      }}
                    >
                      Supersede<span class="visually-hidden"> “{note.title}”</span>
                    </button>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        ))}
      </div>
      {notes.data?.length === 0 ? <p>No design notes yet.</p> : null}
      {canWrite ? (
        <NoteForm
          active={active}
          supersedes={supersedes}
          setSupersedes={setSupersedes}
          titleRef={formTitle}
          onWritten={(note) => {
            notes.reload()
            setSupersedes('')
            setMessage({ kind: 'info', text: `Recorded “${note.title}”.` })
          }}
          onProblem={(text) => setMessage({ kind: 'error', text })}
        />
      ) : null}
    </section>
  )
}

function NoteForm(props: {
  active: DesignNote[]
  supersedes: string
  setSupersedes: (id: string) => void
  titleRef: { current: HTMLInputElement | null }
  onWritten: (note: DesignNote) => void
  onProblem: (text: string) => void
}) {
  const empty = { title: '', context: '', decision: '', consequences: '' }
  const [fields, setFields] = useState(empty)
  const [status, setStatus] = useState<'accepted' | 'proposed'>('accepted')
  const set = (field: keyof typeof empty) => (e: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [field]: e.currentTarget.value })
  return (
    <form
      class="note-form"
      aria-labelledby="note-form-title"
      onSubmit={async (e) => {
        e.preventDefault()
        const { data, error, response } = await api.POST('/design-notes', {
          body: { ...fields, status, ...(props.supersedes ? { supersedes: props.supersedes } : {}) },
        })
        if (data) {
          setFields(empty)
          setStatus('accepted')
          props.onWritten(data)
        } else props.onProblem(describeProblem(error, response.status))
      }}
    >
      <h2 id="note-form-title">Write a design note</h2>
      <label for="note-supersedes">Supersedes</label>
      <select
        id="note-supersedes"
        value={props.supersedes}
        onChange={(e) => props.setSupersedes(e.currentTarget.value)}
      >
        <option value="">nothing (a new decision)</option>
        {props.active.map((note) => (
          <option key={note.id} value={note.id}>
            {note.title}
          </option>
        ))}
      </select>
      <label for="note-title">Title</label>
      <input id="note-title" ref={props.titleRef} required value={fields.title} onInput={set('title')} />
      <label for="note-context">Context (Markdown)</label>
      <textarea id="note-context" required rows={3} value={fields.context} onInput={set('context')} />
      <label for="note-decision">Decision (Markdown)</label>
      <textarea id="note-decision" required rows={3} value={fields.decision} onInput={set('decision')} />
      <label for="note-consequences">Consequences (Markdown)</label>
      <textarea
        id="note-consequences"
        required
        rows={3}
        value={fields.consequences}
        onInput={set('consequences')}
      />
      <label for="note-status">Record as</label>
      <select
        id="note-status"
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as 'accepted' | 'proposed')}
      >
        <option value="accepted">accepted (decided)</option>
        <option value="proposed">proposed (to accept or reject later)</option>
      </select>
      <button type="submit">{props.supersedes ? 'Supersede' : 'Record note'}</button>
    </form>
  )
}
