// Bugs: a table filtered by severity and status (the API filters), each row naming its linked task, and a
// form to file one.
import { useState } from 'preact/hooks'
import { allows } from '../access'
import { api, type Bug, describeProblem, ifMatch } from '../api/client'
import { Badge, Message, useLoad, when, words } from '../components'
import { allPages, orThrow } from '../pages'
import type { ViewProps } from './view'

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
const BUG_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const
type Severity = (typeof SEVERITIES)[number]
type BugStatus = (typeof BUG_STATUSES)[number]

export function BugsView({ me }: ViewProps) {
  const [severity, setSeverity] = useState<Severity | ''>('')
  const [status, setStatus] = useState<BugStatus | ''>('')
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>()
  const canWrite = allows(me, 'contributor')
  const bugs = useLoad(
    async () =>
      orThrow(
        await api.GET('/bugs', {
          params: { query: { limit: 200, severity: severity || undefined, status: status || undefined } },
        }),
        describeProblem,
      ).items,
    [severity, status],
  )
  const tasks = useLoad(
    () =>
      allPages(async (cursor) =>
        orThrow(await api.GET('/tasks', { params: { query: { limit: 200, cursor } } }), describeProblem),
      ),
    [],
  )
  const taskTitle = (id: string | null) =>
    id === null ? undefined : (tasks.data?.find((task) => task.id === id)?.title ?? id)

  const changeStatus = async (bug: Bug, next: BugStatus) => {
    const { data, error, response } = await api.PATCH('/bugs/{id}', {
      params: { path: { id: bug.id } },
      headers: ifMatch(bug.version),
      body: { status: next },
    })
    if (data) {
      bugs.setData((list) => list?.map((b) => (b.id === data.id ? data : b)))
      setMessage({ kind: 'info', text: `“${data.title}” is now ${words(data.status)}.` })
    } else if (response.status === 412) {
      bugs.reload()
      setMessage({
        kind: 'error',
        text: `Someone changed “${bug.title}” since you loaded it; the table now shows its current state. Choose again.`,
      })
    } else setMessage({ kind: 'error', text: describeProblem(error, response.status) })
  }

  return (
    <section aria-labelledby="bugs-title">
      <h1 id="bugs-title">Bugs</h1>
      {canWrite ? (
        <NewBug
          tasks={tasks.data ?? []}
          onCreated={(bug) => {
            bugs.reload()
            setMessage({ kind: 'info', text: `Filed “${bug.title}”.` })
          }}
          onProblem={(text) => setMessage({ kind: 'error', text })}
        />
      ) : null}
      <fieldset class="filters">
        <legend>Filter</legend>
        <label for="filter-severity">Severity</label>
        <select
          id="filter-severity"
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')}
        >
          <option value="">any</option>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label for="filter-status">Status</label>
        <select
          id="filter-status"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as BugStatus | '')}
        >
          <option value="">any</option>
          {BUG_STATUSES.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
      </fieldset>
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      {bugs.error ? <Message kind="error">{bugs.error}</Message> : null}
      <table class="list">
        <caption class="visually-hidden">Bugs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Task</th>
            <th scope="col">Filed</th>
            <th scope="col">History</th>
          </tr>
        </thead>
        <tbody>
          {(bugs.data ?? []).map((bug) => (
            <tr key={bug.id}>
              <th scope="row">{bug.title}</th>
              <td>
                <Badge value={bug.severity} />
              </td>
              <td>
                {canWrite ? (
                  <>
                    <label class="visually-hidden" for={`bug-status-${bug.id}`}>
                      Status of “{bug.title}”
                    </label>
                    <select
                      id={`bug-status-${bug.id}`}
                      value={bug.status}
                      onChange={(e) => void changeStatus(bug, e.currentTarget.value as BugStatus)}
                    >
                      {BUG_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {words(s)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : (
                  <Badge value={bug.status} />
                )}
              </td>
              <td>{taskTitle(bug.taskId) ?? <span class="muted">none</span>}</td>
              <td>
                <time dateTime={bug.createdAt}>{when(bug.createdAt)}</time>
              </td>
              <td>
                <a href={`#/history?kind=bug&id=${bug.id}`}>
                  Versions<span class="visually-hidden"> of “{bug.title}”</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {bugs.data?.length === 0 ? <p>No bugs match.</p> : null}
    </section>
  )
}

function NewBug(props: {
  tasks: { id: string; title: string }[]
  onCreated: (bug: Bug) => void
  onProblem: (text: string) => void
}) {
  const [title, setTitle] = useState('')
  const [severity, setSeverity] = useState<Severity>('medium')
  const [taskId, setTaskId] = useState('')
  return (
    <form
      class="inline-form"
      aria-label="File a bug"
      onSubmit={async (e) => {
        e.preventDefault()
        const submitted = title
        if (!submitted.trim()) return
        const { data, error, response } = await api.POST('/bugs', {
          body: { title: submitted.trim(), severity, ...(taskId ? { taskId } : {}) },
        })
        if (data) {
          // Only if the field still holds what was sent: the next title may already be typed.
          setTitle((current) => (current === submitted ? '' : current))
          props.onCreated(data)
        } else props.onProblem(describeProblem(error, response.status))
      }}
    >
      <label for="bug-title">New bug</label>
      <input id="bug-title" value={title} maxLength={500} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for="bug-severity">Severity</label>
      <select
        id="bug-severity"
        value={severity}
        onChange={(e) => setSeverity(e.currentTarget.value as Severity)}
      >
        {SEVERITIES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <label for="bug-task">Task</label>
      <select id="bug-task" value={taskId} onChange={(e) => setTaskId(e.currentTarget.value)}>
        <option value="">none</option>
        {props.tasks.map((task) => (
          <option key={task.id} value={task.id}>
            {task.title}
          </option>
        ))}
      </select>
      <button type="submit">File bug</button>
    </form>
  )
}
