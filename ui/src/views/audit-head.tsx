// The audit chain's head (GET /audit-entries/head): the newest entry's seq and hash, a checkpoint to note
// down elsewhere. `trail audit verify --checkpoint SEQ:HASH` checks the chain against it.
import { api, describeProblem } from '../api/client'
import { Message, useLoad, when } from '../components'
import { orThrow } from '../pages'

export function AuditHead() {
  const head = useLoad(async () => orThrow(await api.GET('/audit-entries/head'), describeProblem), [])
  if (head.error) return <Message kind="error">{head.error}</Message>
  if (!head.data) return null
  return (
    <section class="audit-head" aria-labelledby="audit-head-title">
      <h2 id="audit-head-title">Chain head</h2>
      <p>
        Entry {head.data.seq}, <time dateTime={head.data.at}>{when(head.data.at)}</time>:{' '}
        <code>{head.data.hash}</code>
      </p>
      <p class="muted">
        Keep this line elsewhere;{' '}
        <code>
          trail audit verify --checkpoint {head.data.seq}:{head.data.hash}
        </code>{' '}
        later proves nothing before it was changed.
      </p>
      <button type="button" onClick={head.reload}>
        Read the head again
      </button>
    </section>
  )
}
