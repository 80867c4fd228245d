// The minimal reference's tables: what someone writing this service by hand on better-sqlite3 would keep.
// Integer keys (the rowid, so creation order is key order), JSON text for the arrays, and only the one
// secondary index a benchmarked read needs (audit entries of one entity, newest first). No list of tasks, no
// filters, no uniqueness of anything but the key: the gap to trail is the price of those.
export const MINIMAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  assignees TEXT NOT NULL,
  rationale_log TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS status_updates (
  id INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  task_id INTEGER REFERENCES tasks (id),
  message TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_entries (
  seq INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  diff TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entries_entity ON audit_entries (entity, entity_id);
`

/**
 * Rows [from, to) of the bench's data set (lib/dataset.mjs) into a database with MINIMAL_SCHEMA (the audit table
 * optional, for peers that keep none): the same rows as trail's, keyed by index + 1. `time` encodes a time (epoch
 * milliseconds by default; a peer that keeps text timestamps passes its own).
 */
export function seedMinimal(db, data, from, to, time = (ms) => ms) {
  const hasAudit =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entries'").get() !==
    undefined
  const insertTask = db.prepare(
    `INSERT INTO tasks (id, title, status, priority, assignees, rationale_log, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertStatusUpdate = db.prepare(
    'INSERT INTO status_updates (id, actor, task_id, message, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const insertAudit =
    hasAudit &&
    db.prepare(
      'INSERT INTO audit_entries (seq, actor, entity, entity_id, action, at, diff) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
  const batch = db.transaction((start, end) => {
    for (let i = start; i < end; i++) {
      const t = data.task(i)
      insertTask.run(
        i + 1,
        t.title,
        t.status,
        t.priority,
        t.assignees,
        '[]',
        1,
        time(t.createdAt),
        time(t.updatedAt),
      )
      const s = data.statusUpdate(i)
      insertStatusUpdate.run(i + 1, s.actor, i + 1, s.message, time(s.createdAt))
      if (insertAudit) {
        const a = data.auditEntry(i)
        // The audit entry's task is task (i mod hot): integer id (i mod hot) + 1.
        insertAudit.run(a.seq, a.actor, a.entity, (i % data.hot) + 1, a.action, a.at, a.diff)
      }
    }
  })
  for (let start = from; start < to; start += 50_000) batch(start, Math.min(to, start + 50_000))
}
