// Seeding: rows of the data set (dataset.mjs) written straight into a migrated database, in big transactions
// of prepared multi-row statements, so a million rows per table take seconds rather than an hour of HTTP.
// `from`/`to` bound the row indexes, so a scale run grows one database step by step.
import Database from 'better-sqlite3'
import pg from 'pg'

const TASK_COLUMNS = [
  'id',
  'title',
  'status',
  'priority',
  'assignees',
  'rationale_log',
  'version',
  'created_at',
  'updated_at',
]
const STATUS_UPDATE_COLUMNS = ['id', 'actor', 'task_id', 'message', 'created_at']
const AUDIT_COLUMNS = ['id', 'seq', 'actor', 'entity', 'entity_id', 'action', 'at', 'diff']

const taskValues = (t) => [
  t.id,
  t.title,
  t.status,
  t.priority,
  t.assignees,
  t.rationaleLog,
  t.version,
  t.createdAt,
  t.updatedAt,
]
const statusUpdateValues = (s) => [s.id, s.actor, s.taskId, s.message, s.createdAt]
const auditValues = (a) => [a.id, a.seq, a.actor, a.entity, a.entityId, a.action, a.at, a.diff]

const TABLES = [
  { table: 'tasks', columns: TASK_COLUMNS, row: (d, i) => taskValues(d.task(i)) },
  {
    table: 'status_updates',
    columns: STATUS_UPDATE_COLUMNS,
    row: (d, i) => statusUpdateValues(d.statusUpdate(i)),
  },
  { table: 'audit_entries', columns: AUDIT_COLUMNS, row: (d, i) => auditValues(d.auditEntry(i)) },
]

const ASSIGNEES_AT = TASK_COLUMNS.indexOf('assignees')
const withoutAssignees = (values) => values.filter((_, k) => k !== ASSIGNEES_AT)

/**
 * The tables to fill: trail keeps a task's assignees in task_assignees (its dump of the data set's JSON array,
 * one row per assignee, in order); the reference keeps them in a JSON column of tasks.
 */
function tablesFor(hasAssigneeTable) {
  if (!hasAssigneeTable) return TABLES
  return [
    {
      table: 'tasks',
      columns: withoutAssignees(TASK_COLUMNS),
      row: (d, i) => withoutAssignees(taskValues(d.task(i))),
    },
    {
      table: 'task_assignees',
      columns: ['task_id', 'position', 'assignee', 'task_created_at'],
      // The data set gives every task exactly one assignee.
      row: (d, i) => {
        const t = d.task(i)
        return [t.id, 0, JSON.parse(t.assignees)[0], t.createdAt]
      },
    },
    ...TABLES.slice(1),
  ]
}

const SQLITE_ROWS_PER_STATEMENT = 100
const SQLITE_ROWS_PER_TRANSACTION = 50_000

/** Rows [from, to) of each table into the SQLite file at `path` (migrated, and no server writing to it). */
export function seedSqlite(path, data, from, to) {
  const db = new Database(path)
  try {
    // Nothing else has the file open; a crash would only lose the seed, so skip the fsyncs.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    const tables = tablesFor(
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'task_assignees'").get() !==
        undefined,
    )
    // Secondary indexes are rebuilt after the load from their own definitions, which sorts once instead of
    // updating them row by row; primary keys and UNIQUE constraints (sql IS NULL) stay and are checked.
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      )
      .all(tables.map((t) => t.table))
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`)
    for (const { table, columns, row } of tables) {
      const one = `(${columns.map(() => '?').join(', ')})`
      const insert = (n) =>
        db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(n).fill(one).join(', ')}`)
      const full = insert(SQLITE_ROWS_PER_STATEMENT)
      const chunk = db.transaction((start, end) => {
        let i = start
        for (; i + SQLITE_ROWS_PER_STATEMENT <= end; i += SQLITE_ROWS_PER_STATEMENT) {
          const values = []
          for (let j = i; j < i + SQLITE_ROWS_PER_STATEMENT; j++) values.push(...row(data, j))
          full.run(values)
        }
        if (i < end) {
          const values = []
          for (let j = i; j < end; j++) values.push(...row(data, j))
          insert(end - i).run(values)
        }
      })
      for (let start = from; start < to; start += SQLITE_ROWS_PER_TRANSACTION) {
        chunk(start, Math.min(to, start + SQLITE_ROWS_PER_TRANSACTION))
      }
    }
    for (const index of indexes) db.exec(index.sql)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

const PG_ROWS_PER_STATEMENT = 5_000
const PG_TYPES = {
  tasks: ['text', 'text', 'text', 'text', 'text', 'text', 'int4', 'int8', 'int8'],
  task_assignees: ['text', 'int4', 'text', 'int8'],
  status_updates: ['text', 'text', 'text', 'text', 'int8'],
  audit_entries: ['text', 'int4', 'text', 'text', 'text', 'text', 'int8', 'text'],
}

/**
 * Rows [from, to) of each table into the PostgreSQL database at `url`: one INSERT … SELECT FROM unnest(arrays)
 * per 5,000 rows (a column per array parameter, so one round trip carries them all), then VACUUM ANALYZE so
 * plans and visibility maps are settled before anything is measured. Loading is the usual bulk-load way: the
 * secondary indexes are dropped first and rebuilt after from their own definitions (pg_indexes), and, when
 * the role may, foreign-key triggers are off for the session (the rows reference each other correctly by
 * construction). Primary keys and unique constraints stay and are checked.
 */
export async function seedPostgres(url, data, from, to) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SET synchronous_commit = off')
    await client.query("SET maintenance_work_mem = '256MB'")
    await client.query("SET session_replication_role = 'replica'").catch(() => {})
    const { rows: found } = await client.query(
      "SELECT to_regclass('public.task_assignees') IS NOT NULL AS yes",
    )
    const tables = tablesFor(found[0].yes)
    const { rows: indexes } = await client.query(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [tables.map((t) => t.table)],
    )
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`)
    for (const { table, columns, row } of tables) {
      const types =
        table === 'tasks' && !columns.includes('assignees')
          ? withoutAssignees(PG_TYPES.tasks)
          : PG_TYPES[table]
      const text = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types
        .map((type, k) => `$${k + 1}::${type}[]`)
        .join(', ')})`
      await client.query('BEGIN')
      for (let start = from; start < to; start += PG_ROWS_PER_STATEMENT) {
        const end = Math.min(to, start + PG_ROWS_PER_STATEMENT)
        const arrays = columns.map(() => [])
        for (let i = start; i < end; i++) {
          const values = row(data, i)
          for (let k = 0; k < values.length; k++) arrays[k].push(values[k])
        }
        await client.query(text, arrays)
      }
      await client.query('COMMIT')
    }
    for (const index of indexes) await client.query(index.definition)
    await client.query(`VACUUM ANALYZE ${tables.map((t) => t.table).join(', ')}`)
  } finally {
    await client.end()
  }
}
