// A task's or bug's history (GET /{kind}s/{id}/versions): each version with its field changes, newest
// first, and "Restore" (POST /{kind}s/{id}/restore { version } with If-Match on the current version; a
// deleted one needs none). Opened as #/history?kind=task&id=….
import { useState } from 'preact/hooks'
import { allows } from '../access'
import { api, describeProblem, ifMatch } from '../api/client'
import { Message, useLoad, when } from '../components'
import { orThrow } from '../pages'
import type { ViewProps } from './view'

interface Version {
  version: number
  at: string
  actor: string
  action: string
  changes: Record<string, [unknown, unknown]>
}

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value))

function target(): { kind: 'task' | 'bug'; id: string } | undefined {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '')
  const kind = query.get('kind')
  const id = query.get('id')
  return (kind === 'task' || kind === 'bug') && id ? { kind, id } : undefined
}

async function versionsOf(kind: 'task' | 'bug', id: string): Promise<Version[]> {
  const params = { params: { path: { id }, query: { limit: 200 } } }
  const page =
    kind === 'task'
      ? orThrow(await api.GET('/tasks/{id}/versions', params), describeProblem)
      : orThrow(await api.GET('/bugs/{id}/versions', params), describeProblem)
  return page.items as Version[]
}

export function HistoryView({ me }: ViewProps) {
  const which = target()
  const versions = useLoad(
    async () => (which ? versionsOf(which.kind, which.id) : []),
    [which?.kind, which?.id],
  )
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>()
  if (!which) return <Message kind="error">Open a history from a task or a bug.</Message>
  const latest = versions.data?.[0]
  const deleted = latest?.action === 'delete'
  const canRestore = allows(me, deleted ? 'maintainer' : 'contributor')

  const restore = async (version: number) => {
    const init = {
      params: { path: { id: which.id } },
      body: { version },
      ...(deleted || !latest ? {} : { headers: ifMatch(latest.version) }),
    }
    const { data, error, response } =
      which.kind === 'task'
        ? await api.POST('/tasks/{id}/restore', init)
        : await api.POST('/bugs/{id}/restore', init)
    if (data) {
      setMessage({ kind: 'info', text: `Restored version ${version}; it is now version ${data.version}.` })
      versions.reload()
    } else if (response.status === 412) {
      setMessage({
        kind: 'error',
        text: 'It changed meanwhile; the list now shows the newest version. Choose again.',
      })
      versions.reload()
    } else setMessage({ kind: 'error', text: describeProblem(error, response.status) })
  }

  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">
        History of {which.kind} {which.id.slice(-8)}
      </h1>
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      {versions.error ? <Message kind="error">{versions.error}</Message> : null}
      <ol class="history">
        {(versions.data ?? []).map((v) => (
          <li key={v.version}>
            <h2>
              Version {v.version}: {v.action} by {v.actor}, <time dateTime={v.at}>{when(v.at)}</time>
            </h2>
            <dl class="diff">
              {Object.entries(v.changes).map(([field, [before, after]]) => (
                <div key={field}>
                  <dt>{field}</dt>
                  <dd>
                    <del>{shown(before)}</del> → <ins>{shown(after)}</ins>
                  </dd>
                </div>
              ))}
            </dl>
            {canRestore && v.version !== latest?.version && v.action !== 'delete' ? (
              <button type="button" onClick={() => void restore(v.version)}>
                Restore version {v.version}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
