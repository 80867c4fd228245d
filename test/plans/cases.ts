// Every documented list filter and order (API.md "Resources"), and the index that must serve it: the plan tests
// of both dialects (sqlite.test.ts, postgres.test.ts) run each list through the repositories, catch the SQL it
// ran, and fail when its plan reads the whole table or misses the index.
import type { Repos } from '../../src/persistence/contract.js'

const T = '2026-01-02T03:04:05.678Z'
const ID = '0190b1d4-0000-7000-8000-000000000000'
const AFTER = { createdAt: T, id: ID }

export interface PlanCase {
  name: string
  table: string
  /** The index the plan must use (every one of them, when the list's statement has subqueries). */
  index: string | readonly string[]
  list(repos: Repos): Promise<unknown>
}

const cases: PlanCase[] = []
/** A case for the first page and one for a later page (the keyset condition changes the statement). */
function both(
  name: string,
  table: string,
  index: string,
  list: (repos: Repos, after: typeof AFTER | undefined) => Promise<unknown>,
) {
  cases.push({ name, table, index, list: (repos) => list(repos, undefined) })
  cases.push({ name: `${name}, next page`, table, index, list: (repos) => list(repos, AFTER) })
}

both('tasks', 'tasks', 'tasks_created_idx', (r, after) => r.tasks.list({ filter: {}, limit: 50, after }))
both('tasks ?status=', 'tasks', 'tasks_status_idx', (r, after) =>
  r.tasks.list({ filter: { status: 'todo' }, limit: 50, after }),
)
both('tasks ?priority=', 'tasks', 'tasks_priority_idx', (r, after) =>
  r.tasks.list({ filter: { priority: 'high' }, limit: 50, after }),
)
both('tasks ?assignee=', 'task_assignees', 'task_assignees_assignee_idx', (r, after) =>
  r.tasks.list({ filter: { assignee: 'nobody' }, limit: 50, after }),
)
both('bugs', 'bugs', 'bugs_created_idx', (r, after) => r.bugs.list({ filter: {}, limit: 50, after }))
both('bugs ?severity=', 'bugs', 'bugs_severity_idx', (r, after) =>
  r.bugs.list({ filter: { severity: 'high' }, limit: 50, after }),
)
both('bugs ?status=', 'bugs', 'bugs_status_idx', (r, after) =>
  r.bugs.list({ filter: { status: 'open' }, limit: 50, after }),
)
both('bugs ?taskId=', 'bugs', 'bugs_task_idx', (r, after) =>
  r.bugs.list({ filter: { taskId: ID }, limit: 50, after }),
)
both('status updates', 'status_updates', 'status_updates_created_idx', (r, after) =>
  r.statusUpdates.list({ filter: {}, limit: 50, after }),
)
both('status updates ?taskId=', 'status_updates', 'status_updates_task_idx', (r, after) =>
  r.statusUpdates.list({ filter: { taskId: ID }, limit: 50, after }),
)
both('status updates ?actor=', 'status_updates', 'status_updates_actor_idx', (r, after) =>
  r.statusUpdates.list({ filter: { actor: 'ada' }, limit: 50, after }),
)
both('status updates ?since=', 'status_updates', 'status_updates_created_idx', (r, after) =>
  r.statusUpdates.list({ filter: { since: T }, limit: 50, after }),
)
for (const order of ['desc', 'asc'] as const) {
  both(`design notes ?order=${order}`, 'design_notes', 'design_notes_created_idx', (r, after) =>
    r.designNotes.list({ filter: {}, order, limit: 50, after }),
  )
  both(`design notes ?state=active&order=${order}`, 'design_notes', 'design_notes_active_idx', (r, after) =>
    r.designNotes.list({ filter: { state: 'active' }, order, limit: 50, after }),
  )
  both(
    `design notes ?state=superseded&order=${order}`,
    'design_notes',
    'design_notes_superseded_idx',
    (r, after) => r.designNotes.list({ filter: { state: 'superseded' }, order, limit: 50, after }),
  )
}
const auditCases = {
  '': ['audit_entries_seq_unique', {}],
  '?entity=': ['audit_entries_entity_kind_idx', { entity: 'task' }],
  '?entityId=': ['audit_entries_entity_idx', { entityId: ID }],
  '?actor=': ['audit_entries_actor_idx', { actor: 'ada' }],
  '?action=': ['audit_entries_action_idx', { action: 'delete' }],
  // A time window is a seq range (`at` never goes backwards along seq): its ends are looked up on the `at`
  // index, then the list walks seq between them.
  '?since=': [['audit_entries_at_idx', 'audit_entries_seq_unique'], { since: T }],
  '?until=': [['audit_entries_at_idx', 'audit_entries_seq_unique'], { until: T }],
  '?since=&until=': [['audit_entries_at_idx', 'audit_entries_seq_unique'], { since: T, until: T }],
} as const
for (const [name, [index, filter]] of Object.entries(auditCases)) {
  for (const after of [undefined, { seq: 10 }]) {
    cases.push({
      name: `audit entries${name && ` ${name}`}${after ? ', next page' : ''}`,
      table: 'audit_entries',
      index,
      list: (r) => r.audit.list({ filter, limit: 50, after }),
    })
  }
}

// History (API.md "History and restore"): one entity's entries in seq order, and the oldest entry kept.
cases.push(
  {
    name: 'history of a task',
    table: 'audit_entries',
    index: 'audit_entries_entity_idx',
    list: (r) => r.audit.history('task', ID),
  },
  {
    name: 'oldest audit entry kept',
    table: 'audit_entries',
    index: 'audit_entries_seq_unique',
    list: (r) => r.audit.oldestKept(),
  },
)

export const PLAN_CASES = cases
