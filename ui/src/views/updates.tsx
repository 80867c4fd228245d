// The status stream: the newest status updates and a box to post one. New updates from others appear on
// "Refresh" until the live feed (GET /events, ui/pending/live-updates.ts) is enabled.
import { useState } from 'preact/hooks'
import { allows } from '../access'
import { api, describeProblem, type StatusUpdate } from '../api/client'
import { Message, useLoad, when } from '../components'
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
  const add = (update: StatusUpdate) =>
    updates.setData((list) => (list?.some((u) => u.id === update.id) ? list : [update, ...(list ?? [])]))

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
      <button type="button" onClick={updates.reload}>
        Refresh
      </button>
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
