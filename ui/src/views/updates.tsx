// The status stream: the newest status updates and a box to post one. New updates, from this page or any
// other client, appear as they are committed, through the change feed (GET /events).
import { useState } from 'preact/hooks'
import { allows } from '../access'
import { api, describeProblem, type StatusUpdate } from '../api/client'
import { Message, useLoad, when } from '../components'
import { useLiveEntries } from '../live-updates'
import { orThrow } from '../pages'
import type { ViewProps } from './view'

export function UpdatesView({ me }: ViewProps) {
  const updates = useLoad(
    async () =>
      orThrow(await api.GET('/status-updates', { params: { query: { limit: 50 } } }), describeProblem).items,
    [],
  )
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>()
  const add = (...incoming: StatusUpdate[]) =>
    updates.setData((list) => {
      const known = new Set((list ?? []).map((u) => u.id))
      const fresh = incoming.filter((u) => !known.has(u.id))
      if (fresh.length === 0) return list
      return [...fresh, ...(list ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    })
  useLiveEntries(
    { entity: 'status_update', action: 'create' },
    async (event) => {
      const { data } = await api.GET('/status-updates/{id}', {
        params: { path: { id: event.data.entityId } },
      })
      if (data) add(data)
    },
    async () => {
      const { data } = await api.GET('/status-updates', { params: { query: { limit: 50 } } })
      if (data) add(...data.items)
    },
  )

  return (
    <section aria-labelledby="updates-title">
      <h1 id="updates-title">Status updates</h1>
      {allows(me, 'contributor') ? (
        <form
          class="post-update"
          onSubmit={async (e) => {
            e.preventDefault()
            const submitted = text
            if (!submitted.trim()) return
            const { data, error, response } = await api.POST('/status-updates', {
              body: { message: submitted.trim() },
            })
            if (data) {
              add(data)
              // Only if the box still holds what was sent: the next one may already be typed.
              setText((current) => (current === submitted ? '' : current))
              setMessage({ kind: 'info', text: 'Posted.' })
            } else setMessage({ kind: 'error', text: describeProblem(error, response.status) })
          }}
        >
          <label for="update-message">Post a status update</label>
          <textarea
            id="update-message"
            rows={3}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit">Post</button>
        </form>
      ) : null}
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      {updates.error ? <Message kind="error">{updates.error}</Message> : null}
      <ol class="stream" aria-label="Newest first">
        {(updates.data ?? []).map((update) => (
          <li key={update.id}>
            <p class="meta">
              <strong>{update.actor}</strong>{' '}
              <time dateTime={update.createdAt}>{when(update.createdAt)}</time>
            </p>
            <p class="body">{update.message}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
