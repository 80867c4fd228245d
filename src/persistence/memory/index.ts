// Map-backed repositories: nothing survives a restart. For tests and demos.
// A mutation computes every row and audit entry first and applies them last, in one synchronous step, so
// a failure (including a failing audit log) leaves nothing half-written, and no other request interleaves.

import { uuidv7 } from 'uuidv7'
import type { ApiToken } from '../../auth/schemas.js'
import { notFound, referenceNotFound, versionMismatch } from '../../core/errors.js'
import { type CreatedKey, type ListRequest, type Page, type SeqKey, toPage } from '../../core/paging.js'
import type { AuditEntry } from '../../domains/audit/schemas.js'
import { changeBug, newBug } from '../../domains/bugs/rules.js'
import type { Bug } from '../../domains/bugs/schemas.js'
import { newDesignNote, supersede } from '../../domains/design-notes/rules.js'
import type { DesignNote } from '../../domains/design-notes/schemas.js'
import { newStatusUpdate } from '../../domains/status-updates/rules.js'
import type { StatusUpdate } from '../../domains/status-updates/schemas.js'
import { changeTask, newTask } from '../../domains/tasks/rules.js'
import type { Task } from '../../domains/tasks/schemas.js'
import { auditEntry, type PendingAuditEntry } from '../audit.js'
import { DUMP_TABLES, type DumpRow, type DumpTable, type Repos } from '../contract.js'
import { SCHEMA_VERSION } from '../schema-version.js'

/** Where audit entries go; replaceable so a test can make the audit write fail. */
export interface AuditLog {
  append(entries: AuditEntry[]): void
  entries(): readonly AuditEntry[]
}

export function arrayAuditLog(): AuditLog {
  const log: AuditEntry[] = []
  return { append: (entries) => void log.push(...entries), entries: () => log }
}

interface Tables {
  tasks: Map<string, Task>
  bugs: Map<string, Bug>
  statusUpdates: Map<string, StatusUpdate>
  designNotes: Map<string, DesignNote>
}

type Write = {
  [T in keyof Tables]: { table: T; row: Tables[T] extends Map<string, infer R> ? R : never }
}[keyof Tables]
type Delete = { table: keyof Tables; deleteId: string }

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Negative when `a` comes first in newest-first order. */
const byCreatedDesc = (a: CreatedKey, b: CreatedKey) =>
  compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id)
const after = (key: CreatedKey | undefined, row: CreatedKey, order: 'asc' | 'desc') =>
  key === undefined || (order === 'desc' ? byCreatedDesc(key, row) < 0 : byCreatedDesc(key, row) > 0)
const createdKey = (row: CreatedKey): CreatedKey => ({ createdAt: row.createdAt, id: row.id })

function listCreated<T extends CreatedKey>(
  rows: Iterable<T>,
  request: ListRequest<unknown, CreatedKey>,
  matches: (row: T) => boolean,
  order: 'asc' | 'desc' = 'desc',
): Page<T, CreatedKey> {
  const sorted = [...rows]
    .filter((row) => matches(row) && after(request.after, row, order))
    .sort(order === 'desc' ? byCreatedDesc : (a, b) => byCreatedDesc(b, a))
  return toPage(sorted.slice(0, request.limit + 1), request.limit, createdKey)
}

export function createMemoryRepos(options: { auditLog?: AuditLog } = {}): Repos {
  const auditLog = options.auditLog ?? arrayAuditLog()
  const tables: Tables = {
    tasks: new Map(),
    bugs: new Map(),
    statusUpdates: new Map(),
    designNotes: new Map(),
  }
  // Never before the newest audit entry: the time-window lists rely on `at` not going backwards along seq,
  // so a clock stepping back must not hide entries.
  const now = () => {
    const last = auditLog.entries().at(-1)?.at
    const at = new Date(Date.now()).toISOString()
    return last !== undefined && last > at ? last : at
  }
  const tokens = new Map<string, ApiToken & { secretHash: string }>()

  /** Appends the audit entries (which may throw), then applies the row changes: all or nothing. */
  function commit(changes: (Write | Delete)[], pending: PendingAuditEntry[]) {
    const last = auditLog.entries().at(-1)?.seq ?? 0
    auditLog.append(pending.map((entry, i) => ({ ...entry, seq: last + i + 1 })))
    for (const change of changes) {
      const table = tables[change.table] as Map<string, unknown>
      if ('deleteId' in change) table.delete(change.deleteId)
      else table.set(change.row.id, change.row)
    }
  }

  function requireTask(taskId: string | null | undefined) {
    if (taskId != null && !tables.tasks.has(taskId)) throw referenceNotFound('taskId', taskId)
  }

  function current<T extends { version: number }>(
    row: T | undefined,
    what: string,
    id: string,
    expected: number,
  ) {
    if (row === undefined) throw notFound(what, id)
    if (row.version !== expected) throw versionMismatch(row.version)
    return row
  }

  return {
    kind: 'memory',
    tasks: {
      async create(input, actor) {
        const task = newTask(input, actor, now())
        commit(
          [{ table: 'tasks', row: task }],
          [auditEntry('task', 'create', actor, task.createdAt, null, task)],
        )
        return task
      },
      async get(id) {
        return tables.tasks.get(id)
      },
      async list(request) {
        const { status, priority, assignee } = request.filter
        return listCreated(
          tables.tasks.values(),
          request,
          (t) =>
            (status === undefined || t.status === status) &&
            (priority === undefined || t.priority === priority) &&
            (assignee === undefined || t.assignees.includes(assignee)),
        )
      },
      async update(id, changes, expectedVersion, actor) {
        const task = current(tables.tasks.get(id), 'Task', id, expectedVersion)
        const next = changeTask(task, changes, actor, now())
        if (next !== task) {
          commit(
            [{ table: 'tasks', row: next }],
            [auditEntry('task', 'update', actor, next.updatedAt, task, next)],
          )
        }
        return next
      },
      async delete(id, expectedVersion, actor) {
        const task = current(tables.tasks.get(id), 'Task', id, expectedVersion)
        const at = now()
        const writes: (Write | Delete)[] = []
        const entries: PendingAuditEntry[] = []
        for (const bug of tables.bugs.values()) {
          if (bug.taskId !== id) continue
          const detached = changeBug(bug, { taskId: null }, at)
          writes.push({ table: 'bugs', row: detached })
          entries.push(auditEntry('bug', 'update', actor, at, bug, detached))
        }
        for (const update of tables.statusUpdates.values()) {
          if (update.taskId !== id) continue
          const detached = { ...update, taskId: null }
          writes.push({ table: 'statusUpdates', row: detached })
          entries.push(auditEntry('status_update', 'update', actor, at, update, detached))
        }
        writes.push({ table: 'tasks', deleteId: id })
        entries.push(auditEntry('task', 'delete', actor, at, task, null))
        commit(writes, entries)
      },
    },
    bugs: {
      async create(input, actor) {
        requireTask(input.taskId)
        const bug = newBug(input, now())
        commit([{ table: 'bugs', row: bug }], [auditEntry('bug', 'create', actor, bug.createdAt, null, bug)])
        return bug
      },
      async get(id) {
        return tables.bugs.get(id)
      },
      async list(request) {
        const { severity, status, taskId } = request.filter
        return listCreated(
          tables.bugs.values(),
          request,
          (b) =>
            (severity === undefined || b.severity === severity) &&
            (status === undefined || b.status === status) &&
            (taskId === undefined || b.taskId === taskId),
        )
      },
      async update(id, changes, expectedVersion, actor) {
        const bug = current(tables.bugs.get(id), 'Bug', id, expectedVersion)
        requireTask(changes.taskId)
        const next = changeBug(bug, changes, now())
        if (next !== bug) {
          commit(
            [{ table: 'bugs', row: next }],
            [auditEntry('bug', 'update', actor, next.updatedAt, bug, next)],
          )
        }
        return next
      },
      async delete(id, expectedVersion, actor) {
        const bug = current(tables.bugs.get(id), 'Bug', id, expectedVersion)
        commit([{ table: 'bugs', deleteId: id }], [auditEntry('bug', 'delete', actor, now(), bug, null)])
      },
    },
    statusUpdates: {
      async create(input, actor) {
        requireTask(input.taskId)
        const update = newStatusUpdate(input, actor, now())
        commit(
          [{ table: 'statusUpdates', row: update }],
          [auditEntry('status_update', 'create', actor, update.createdAt, null, update)],
        )
        return update
      },
      async get(id) {
        return tables.statusUpdates.get(id)
      },
      async list(request) {
        const { taskId, actor, since } = request.filter
        return listCreated(
          tables.statusUpdates.values(),
          request,
          (u) =>
            (taskId === undefined || u.taskId === taskId) &&
            (actor === undefined || u.actor === actor) &&
            (since === undefined || u.createdAt >= since),
        )
      },
    },
    designNotes: {
      async create(input, actor) {
        const note = newDesignNote(input, actor, now())
        const writes: Write[] = [{ table: 'designNotes', row: note }]
        const entries = [auditEntry('design_note', 'create', actor, note.createdAt, null, note)]
        if (input.supersedes !== undefined) {
          const old = tables.designNotes.get(input.supersedes)
          if (old === undefined) throw referenceNotFound('supersedes', input.supersedes)
          const superseded = supersede(old, note)
          writes.push({ table: 'designNotes', row: superseded })
          entries.push(auditEntry('design_note', 'supersede', actor, note.createdAt, old, superseded))
        }
        commit(writes, entries)
        return note
      },
      async get(id) {
        return tables.designNotes.get(id)
      },
      async list(request) {
        const { state } = request.filter
        return listCreated(
          tables.designNotes.values(),
          request,
          (n) => state === undefined || (state === 'active') === (n.supersededBy === null),
          request.order,
        )
      },
    },
    audit: {
      async get(id) {
        return auditLog.entries().find((entry) => entry.id === id)
      },
      async list(request): Promise<Page<AuditEntry, SeqKey>> {
        const { entity, entityId, actor, action, since, until } = request.filter
        const entries = auditLog.entries()
        const rows: AuditEntry[] = []
        for (let i = entries.length - 1; i >= 0 && rows.length <= request.limit; i--) {
          const e = entries[i] as AuditEntry
          if (request.after !== undefined && e.seq >= request.after.seq) continue
          // `at` does not go backwards along seq (see `now`): every older entry is before the window too.
          if (since !== undefined && e.at < since) break
          if (
            (entity === undefined || e.entity === entity) &&
            (entityId === undefined || e.entityId === entityId) &&
            (actor === undefined || e.actor === actor) &&
            (action === undefined || e.action === action) &&
            (until === undefined || e.at <= until)
          ) {
            rows.push(e)
          }
        }
        return toPage(rows, request.limit, (e) => ({ seq: e.seq }))
      },
    },
    async health() {
      return { schemaVersion: SCHEMA_VERSION }
    },
    dump: {
      async snapshot(read) {
        // Rows are immutable objects replaced on change, so copying the references is a consistent view.
        const view = {
          tasks: [...tables.tasks.values()],
          bugs: [...tables.bugs.values()],
          status_updates: [...tables.statusUpdates.values()],
          design_notes: [...tables.designNotes.values()],
          audit_entries: [...auditLog.entries()],
          api_tokens: [...tokens.values()].map((token) => ({ ...token })),
        }
        return read({
          async counts() {
            return Object.fromEntries(DUMP_TABLES.map((table) => [table, view[table].length])) as Record<
              DumpTable,
              number
            >
          },
          async *rows() {
            const oldestFirst = (a: CreatedKey, b: CreatedKey) => byCreatedDesc(b, a)
            for (const row of view.tasks.sort(oldestFirst)) yield { table: 'tasks', row }
            for (const row of view.bugs.sort(oldestFirst)) yield { table: 'bugs', row }
            for (const row of view.status_updates.sort(oldestFirst)) yield { table: 'status_updates', row }
            for (const row of view.design_notes.sort(oldestFirst)) yield { table: 'design_notes', row }
            for (const row of view.audit_entries) yield { table: 'audit_entries', row }
            for (const row of view.api_tokens.sort(oldestFirst)) yield { table: 'api_tokens', row }
          },
        })
      },
      async load(rows) {
        const staged: DumpRow[] = []
        for await (const row of rows) staged.push(row)
        const empty =
          Object.values(tables).every((table) => table.size === 0) &&
          auditLog.entries().length === 0 &&
          tokens.size === 0
        if (!empty) throw new Error('the target database is not empty')
        const tableOf = {
          tasks: 'tasks',
          bugs: 'bugs',
          status_updates: 'statusUpdates',
          design_notes: 'designNotes',
        } as const
        const entries: AuditEntry[] = []
        for (const { table, row } of staged) {
          if (table === 'audit_entries') entries.push(row)
          else if (table === 'api_tokens') tokens.set(row.id, { ...row })
          else (tables[tableOf[table]] as Map<string, unknown>).set(row.id, row)
        }
        auditLog.append(entries)
      },
    },
    tokens: {
      async create(input) {
        const token: ApiToken = {
          id: uuidv7(),
          actor: input.actor,
          role: input.role,
          createdAt: now(),
          lastUsedAt: null,
          expiresAt: input.expiresAt,
          revokedAt: null,
        }
        tokens.set(token.id, { ...token, secretHash: input.secretHash })
        return token
      },
      async findBySecretHash(secretHash) {
        for (const { secretHash: hash, ...token } of tokens.values()) if (hash === secretHash) return token
        return undefined
      },
      async list() {
        return [...tokens.values()].map(({ secretHash: _, ...token }) => token)
      },
      async revoke(id, at) {
        const stored = tokens.get(id)
        if (stored === undefined) return undefined
        stored.revokedAt ??= at
        const { secretHash: _, ...token } = stored
        return token
      },
      async rotate(id, { secretHash, expiresAt, retireAt }) {
        const stored = tokens.get(id)
        if (stored === undefined || stored.revokedAt !== null) return undefined
        const token: ApiToken = {
          id: uuidv7(),
          actor: stored.actor,
          role: stored.role,
          createdAt: now(),
          lastUsedAt: null,
          expiresAt,
          revokedAt: null,
        }
        if (stored.expiresAt === null || stored.expiresAt > retireAt) stored.expiresAt = retireAt
        tokens.set(token.id, { ...token, secretHash })
        const { secretHash: _, ...retired } = stored
        return { retired, token }
      },
      async touch(id, at) {
        const stored = tokens.get(id)
        if (stored) stored.lastUsedAt = at
      },
      async exists() {
        return tokens.size > 0
      },
    },
    async close() {},
  }
}
