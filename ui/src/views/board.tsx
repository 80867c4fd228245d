// The board: tasks in columns by status. A "New task" field creates one on Enter; each card moves between
// columns and opens an editor (title, priority, assignees, rationale). Writes send If-Match; a 412 shows
// the task as it is now and lets the person choose (src/views/task-editor.tsx).
import { useState } from 'preact/hooks'
import { allows } from '../access'
import { api, describeProblem, ifMatch, type Task } from '../api/client'
import { Badge, Message, useLoad, words } from '../components'
import { allPages, orThrow } from '../pages'
import { TaskEditor } from './task-editor'
import type { ViewProps } from './view'

export const STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const
export type TaskStatus = (typeof STATUSES)[number]

export function BoardView({ me }: ViewProps) {
  const tasks = useLoad(
    () =>
      allPages(async (cursor) =>
        orThrow(await api.GET('/tasks', { params: { query: { limit: 200, cursor } } }), describeProblem),
      ),
    [],
  )
  const [title, setTitle] = useState('')
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>()
  const [editing, setEditing] = useState<string | undefined>()
  const canWrite = allows(me, 'contributor')

  const replace = (task: Task) => tasks.setData((list) => list?.map((t) => (t.id === task.id ? task : t)))

  const create = async () => {
    const submitted = title
    if (!submitted.trim()) return
    const { data, error, response } = await api.POST('/tasks', { body: { title: submitted.trim() } })
    if (data) {
      tasks.setData((list) => [data, ...(list ?? []).filter((task) => task.id !== data.id)])
      // Only if the field still holds what was sent: the next title may already be typed.
      setTitle((current) => (current === submitted ? '' : current))
      setMessage({ kind: 'info', text: `Created “${data.title}” in ${words(data.status)}.` })
    } else setMessage({ kind: 'error', text: describeProblem(error, response.status) })
  }

  return (
    <section aria-labelledby="board-title">
      <h1 id="board-title">Board</h1>
      {canWrite ? (
        <form
          class="new-task"
          onSubmit={(e) => {
            e.preventDefault()
            void create()
          }}
        >
          <label for="new-task">New task</label>
          <input
            id="new-task"
            value={title}
            placeholder="Type a title and press Enter"
            maxLength={500}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </form>
      ) : null}
      {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      {tasks.error ? <Message kind="error">{tasks.error}</Message> : null}
      <div class="board">
        {STATUSES.map((status) => {
          const inColumn = (tasks.data ?? []).filter((task) => task.status === status)
          return (
            <section key={status} class="column" aria-labelledby={`column-${status}`} data-status={status}>
              <h2 id={`column-${status}`}>
                {words(status)} <span class="count">({inColumn.length})</span>
              </h2>
              <ul>
                {inColumn.map((task) => (
                  <li key={task.id}>
                    <TaskCard
                      task={task}
                      canWrite={canWrite}
                      editing={editing === task.id}
                      onEdit={() => setEditing(editing === task.id ? undefined : task.id)}
                      onChanged={(next) => {
                        replace(next)
                        setMessage({ kind: 'info', text: `Saved “${next.title}” (version ${next.version}).` })
                      }}
                      onClose={() => setEditing(undefined)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
      </div>
    </section>
  )
}

function TaskCard(props: {
  task: Task
  canWrite: boolean
  editing: boolean
  onEdit: () => void
  onChanged: (task: Task) => void
  onClose: () => void
}) {
  const { task } = props
  const [problem, setProblem] = useState<string | undefined>()
  const [conflict, setConflict] = useState<{ current: Task; wanted: TaskStatus } | undefined>()

  const move = async (status: TaskStatus, version: number) => {
    setProblem(undefined)
    setConflict(undefined)
    const { data, error, response } = await api.PATCH('/tasks/{id}', {
      params: { path: { id: task.id } },
      headers: ifMatch(version),
      body: { status },
    })
    if (data) return props.onChanged(data)
    if (response.status === 412) {
      const current = await api.GET('/tasks/{id}', { params: { path: { id: task.id } } })
      if (current.data) return setConflict({ current: current.data, wanted: status })
    }
    setProblem(describeProblem(error, response.status))
  }

  return (
    <article class="card" aria-labelledby={`task-${task.id}`}>
      <h3 id={`task-${task.id}`}>{task.title}</h3>
      <p class="meta">
        <Badge value={task.priority} label="priority" />{' '}
        {task.assignees.length ? (
          <span>{task.assignees.join(', ')}</span>
        ) : (
          <span class="muted">unassigned</span>
        )}{' '}
        <a href={`#/history?kind=task&id=${task.id}`}>
          History<span class="visually-hidden"> of “{task.title}”</span>
        </a>
      </p>
      {props.canWrite ? (
        <div class="actions">
          <label for={`move-${task.id}`} class="visually-hidden">
            Move “{task.title}” to
          </label>
          <select
            id={`move-${task.id}`}
            value={task.status}
            onChange={(e) => void move(e.currentTarget.value as TaskStatus, task.version)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
          <button type="button" aria-expanded={props.editing} onClick={props.onEdit}>
            Edit<span class="visually-hidden"> “{task.title}”</span>
          </button>
        </div>
      ) : null}
      {problem ? <Message kind="error">{problem}</Message> : null}
      {conflict ? (
        <div class="conflict" role="alert">
          <p>
            Someone changed this task since you loaded it: it is now “{conflict.current.title}”, in{' '}
            {words(conflict.current.status)} (version {conflict.current.version}).
          </p>
          <button type="button" onClick={() => void move(conflict.wanted, conflict.current.version)}>
            Move to {words(conflict.wanted)} anyway
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              props.onChanged(conflict.current)
              setConflict(undefined)
            }}
          >
            Keep their version
          </button>
        </div>
      ) : null}
      {props.editing ? <TaskEditor task={task} onSaved={props.onChanged} onClose={props.onClose} /> : null}
    </article>
  )
}
