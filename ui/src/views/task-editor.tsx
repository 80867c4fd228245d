// Editing one task: title, priority, assignees, and a rationale to append. Saved with If-Match on the
// version the editor opened; if someone saved in between (412), the task as it is now is shown beside the
// person's changes, and they choose: save theirs over it, or take the current one. Never silently.
import { useState } from 'preact/hooks'
import { api, describeProblem, ifMatch, type Task } from '../api/client'
import { Message } from '../components'

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const

interface Draft {
  title: string
  priority: Task['priority']
  assignees: string
  rationale: string
}

const draftOf = (task: Task): Draft => ({
  title: task.title,
  priority: task.priority,
  assignees: task.assignees.join(', '),
  rationale: '',
})

const assigneeList = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)

/** Only the fields the person changed, so a save never reverts what they did not touch. */
function changes(base: Task, draft: Draft) {
  const body: { title?: string; priority?: Task['priority']; assignees?: string[]; rationale?: string } = {}
  if (draft.title.trim() !== base.title) body.title = draft.title.trim()
  if (draft.priority !== base.priority) body.priority = draft.priority
  const assignees = assigneeList(draft.assignees)
  if (assignees.join('\n') !== base.assignees.join('\n')) body.assignees = assignees
  if (draft.rationale.trim()) body.rationale = draft.rationale.trim()
  return body
}

export function TaskEditor(props: { task: Task; onSaved: (task: Task) => void; onClose: () => void }) {
  const [base, setBase] = useState(props.task)
  const [draft, setDraft] = useState(() => draftOf(props.task))
  const [problem, setProblem] = useState<string | undefined>()
  const [current, setCurrent] = useState<Task | undefined>()
  const id = props.task.id
  const set = (field: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [field]: e.currentTarget.value })

  const save = async (version: number, againstBase: Task) => {
    setProblem(undefined)
    const body = changes(againstBase, draft)
    if (Object.keys(body).length === 0) return props.onClose()
    const { data, error, response } = await api.PATCH('/tasks/{id}', {
      params: { path: { id } },
      headers: ifMatch(version),
      body,
    })
    if (data) {
      setCurrent(undefined)
      props.onSaved(data)
      return props.onClose()
    }
    if (response.status === 412) {
      const latest = await api.GET('/tasks/{id}', { params: { path: { id } } })
      if (latest.data) return setCurrent(latest.data)
    }
    setProblem(describeProblem(error, response.status))
  }

  return (
    <form
      class="editor"
      aria-label={`Edit “${props.task.title}”`}
      onSubmit={(e) => {
        e.preventDefault()
        void save(base.version, base)
      }}
    >
      <label for={`title-${id}`}>Title</label>
      <input id={`title-${id}`} value={draft.title} maxLength={500} required onInput={set('title')} />
      <label for={`priority-${id}`}>Priority</label>
      <select id={`priority-${id}`} value={draft.priority} onChange={set('priority')}>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <label for={`assignees-${id}`}>Assignees (comma-separated)</label>
      <input id={`assignees-${id}`} value={draft.assignees} onInput={set('assignees')} />
      <label for={`rationale-${id}`}>Rationale to add</label>
      <textarea id={`rationale-${id}`} value={draft.rationale} rows={2} onInput={set('rationale')} />
      {base.rationaleLog.length ? (
        <details>
          <summary>Rationale log ({base.rationaleLog.length})</summary>
          <ol class="rationale">
            {base.rationaleLog.map((entry) => (
              <li key={entry.at}>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> {entry.actor}:{' '}
                {entry.text}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {problem ? <Message kind="error">{problem}</Message> : null}
      {current ? (
        <div class="conflict" role="alert" aria-labelledby={`conflict-${id}`}>
          <h4 id={`conflict-${id}`}>Someone else saved this task first (now version {current.version})</h4>
          <table>
            <caption class="visually-hidden">Their version beside yours</caption>
            <thead>
              <tr>
                <th scope="col">field</th>
                <th scope="col">now on the server</th>
                <th scope="col">yours</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">title</th>
                <td>{current.title}</td>
                <td>{draft.title}</td>
              </tr>
              <tr>
                <th scope="row">status</th>
                <td>{current.status}</td>
                <td>{base.status}</td>
              </tr>
              <tr>
                <th scope="row">priority</th>
                <td>{current.priority}</td>
                <td>{draft.priority}</td>
              </tr>
              <tr>
                <th scope="row">assignees</th>
                <td>{current.assignees.join(', ')}</td>
                <td>{assigneeList(draft.assignees).join(', ')}</td>
              </tr>
            </tbody>
          </table>
          <button type="button" onClick={() => void save(current.version, base)}>
            Save mine over theirs
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setBase(current)
              setDraft(draftOf(current))
              setCurrent(undefined)
              props.onSaved(current)
            }}
          >
            Discard mine, use theirs
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="submit">Save</button>{' '}
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      )}
    </form>
  )
}
