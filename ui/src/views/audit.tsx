// The audit trail (maintainers): every change, newest first, filtered by entity and action, with each
// entry's diff.
import { useState } from 'preact/hooks'
import { type AuditEntry, api, describeProblem } from '../api/client'
import type { paths } from '../api/openapi'
import { Message, useLoad, when, words } from '../components'
import { orThrow } from '../pages'
import { AuditHead } from './audit-head'

type AuditQuery = NonNullable<paths['/audit-entries']['get']['parameters']['query']>
// The filters the API takes today (the compiler keeps these to the API's own enums).
const ENTITIES = ['task', 'bug', 'status_update', 'design_note'] as const satisfies NonNullable<
  AuditQuery['entity']
>[]
const ACTIONS = ['create', 'update', 'delete', 'supersede'] as const satisfies NonNullable<
  AuditQuery['action']
>[]

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value))

export function AuditView() {
  const [entity, setEntity] = useState('')
  const [action, setAction] = useState('')
  const [more, setMore] = useState<{ items: AuditEntry[]; cursor: string | null }>({
    items: [],
    cursor: null,
  })
  const page = useLoad(async () => {
    const query = {
      limit: 50,
      ...(entity ? { entity: entity as (typeof ENTITIES)[number] } : {}),
      ...(action ? { action: action as (typeof ACTIONS)[number] } : {}),
    }
    const first = orThrow(await api.GET('/audit-entries', { params: { query } }), describeProblem)
    setMore({ items: first.items, cursor: first.nextCursor })
    return query
  }, [entity, action])
  const [problem, setProblem] = useState<string | undefined>()

  const loadMore = async () => {
    if (!more.cursor || !page.data) return
    const { data, error, response } = await api.GET('/audit-entries', {
      params: { query: { ...page.data, cursor: more.cursor } },
    })
    if (data) setMore({ items: [...more.items, ...data.items], cursor: data.nextCursor })
    else setProblem(describeProblem(error, response.status))
  }

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <AuditHead />
      <fieldset class="filters">
        <legend>Filter</legend>
        <label for="audit-entity">Entity</label>
        <select id="audit-entity" value={entity} onChange={(e) => setEntity(e.currentTarget.value)}>
          <option value="">any</option>
          {ENTITIES.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
        <label for="audit-action">Action</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
          <option value="">any</option>
          {ACTIONS.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </fieldset>
      {page.error ? <Message kind="error">{page.error}</Message> : null}
      {problem ? <Message kind="error">{problem}</Message> : null}
      <table class="list audit">
        <caption class="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Change</th>
            <th scope="col">Fields</th>
          </tr>
        </thead>
        <tbody>
          {more.items.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.seq}</td>
              <td>
                <time dateTime={entry.at}>{when(entry.at)}</time>
              </td>
              <td>{entry.actor}</td>
              <td>
                {words(entry.entity)} {entry.action} <code class="id">{entry.entityId.slice(-8)}</code>
              </td>
              <td>
                <dl class="diff">
                  {Object.entries(entry.diff as Record<string, [unknown, unknown]>).map(
                    ([field, [before, after]]) => (
                      <div key={field}>
                        <dt>{field}</dt>
                        <dd>
                          <del>{shown(before)}</del> → <ins>{shown(after)}</ins>
                        </dd>
                      </div>
                    ),
                  )}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more.cursor ? (
        <button type="button" onClick={() => void loadMore()}>
          Load older entries
        </button>
      ) : null}
    </section>
  )
}
