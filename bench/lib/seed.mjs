// Seeding: rows of the data set (dataset.mjs) written straight into a migrated database, in big transactions
// of prepared multi-row statements, so a million rows per table take seconds rather than an hour of HTTP.
// `from`/`to` bound the row indexes, so a scale run grows one database step by step.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { chainHash, GENESIS_HASH } from '../../dist/src/domains/audit/chain.js'
import { migrateSqlite } from '../../dist/src/persistence/sqlite/migrate.js'
import { dataset } from './dataset.mjs'

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

/**
 * trail's audit rows carry the hash chain: each entry's row with its prevHash and hash, computed by trail's own
 * chainHash from the entry as the API returns it. Rows must be asked for in seq order, after `prevHash`.
 */
function chainedAudit(prevHash) {
  let previous = prevHash
  return {
    table: 'audit_entries',
    columns: [...AUDIT_COLUMNS, 'prev_hash', 'hash'],
    row: (d, i) => {
      const a = d.auditEntry(i)
      const entry = { ...a, at: new Date(a.at).toISOString(), diff: JSON.parse(a.diff) }
      const hash = chainHash(previous, entry)
      const values = [...auditValues(a), previous, hash]
      previous = hash
      return values
    },
  }
}

const ASSIGNEES_AT = TASK_COLUMNS.indexOf('assignees')
const withoutAssignees = (values) => values.filter((_, k) => k !== ASSIGNEES_AT)

/**
 * The tables to fill: trail keeps a task's assignees in task_assignees (its dump of the data set's JSON array,
 * one row per assignee, in order); the reference keeps them in a JSON column of tasks.
 */
function tablesFor(hasAssigneeTable, auditPrevHash) {
  if (!hasAssigneeTable) return TABLES
  const audit = auditPrevHash === undefined ? TABLES[2] : chainedAudit(auditPrevHash)
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
    TABLES[1],
    audit,
  ]
}

/** The hash the entry before row `from` ends with (undefined when the table has no chain). */
const prevHashOf = (hasChain, from, hashAtSeq) =>
  !hasChain ? undefined : from === 0 ? GENESIS_HASH : hashAtSeq(from)

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
    const hasChain =
      db.prepare("SELECT 1 FROM pragma_table_info('audit_entries') WHERE name = 'hash'").get() !== undefined
    const tables = tablesFor(
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'task_assignees'").get() !==
        undefined,
      prevHashOf(hasChain, from, (seq) =>
        db.prepare('SELECT hash FROM audit_entries WHERE seq = ?').pluck().get(seq),
      ),
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
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").get() !== undefined) {
      indexSqliteSearch(db, data.at(from), data.at(to))
    }
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

/**
 * trail's search documents of the rows created in [fromMs, toMs), built as its migration 0005 back-fills them
 * (the seed bypasses the write path that keeps them), then the FTS5 index rebuilt from its content table.
 */
function indexSqliteSearch(db, fromMs, toMs) {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO search_documents (entity, entity_id, created_at, title, body)
       SELECT 'task', id, created_at, title,
         coalesce((SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(rationale_log)), '')
       FROM tasks WHERE created_at >= ? AND created_at < ?`,
    ).run(fromMs, toMs)
    db.prepare(
      `INSERT INTO search_documents (entity, entity_id, created_at, title, body)
       SELECT 'status_update', id, created_at, '', message FROM status_updates
       WHERE created_at >= ? AND created_at < ?`,
    ).run(fromMs, toMs)
    db.exec("INSERT INTO search_index (search_index) VALUES ('rebuild')")
  })()
}

/** The PostgreSQL twin of indexSqliteSearch: documents with the vector trail's migration 0005 writes. */
async function indexPostgresSearch(client, fromMs, toMs) {
  const { rows: indexes } = await client.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = 'search_documents'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  )
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`)
  await client.query(
    `INSERT INTO search_documents (entity_id, entity, created_at, title, body, document)
     SELECT id, entity, created_at, title, body,
       setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
     FROM (
       SELECT id, 'task' AS entity, created_at, title,
         coalesce((SELECT string_agg(e ->> 'text', E'\\n' ORDER BY n)
           FROM jsonb_array_elements(rationale_log::jsonb) WITH ORDINALITY AS x(e, n)), '') AS body
       FROM tasks WHERE created_at >= $1 AND created_at < $2
       UNION ALL
       SELECT id, 'status_update', created_at, '', message FROM status_updates
       WHERE created_at >= $1 AND created_at < $2
     ) AS documents`,
    [fromMs, toMs],
  )
  for (const index of indexes) await client.query(index.definition)
  await client.query('VACUUM ANALYZE search_documents')
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
    const { rows: chain } = await client.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_entries' AND column_name = 'hash'",
    )
    let prevHash
    if (chain.length > 0 && from > 0)
      prevHash = (await client.query('SELECT hash FROM audit_entries WHERE seq = $1', [from])).rows[0].hash
    const tables = tablesFor(found[0].yes, chain.length > 0 ? (prevHash ?? GENESIS_HASH) : undefined)
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
          : table === 'audit_entries' && columns.includes('hash')
            ? [...PG_TYPES.audit_entries, 'text', 'text']
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
    const { rows: search } = await client.query(
      "SELECT to_regclass('public.search_documents') IS NOT NULL AS yes",
    )
    if (search[0].yes) await indexPostgresSearch(client, data.at(from), data.at(to))
    await client.query(`VACUUM ANALYZE ${tables.map((t) => t.table).join(', ')}`)
  } finally {
    await client.end()
  }
}

/**
 * `count` copies, in `dir`, of one database migrated by trail and seeded with `rows` rows per table (the
 * in-process benches change each copy in one way); their paths, and the data set, to seed others alike.
 */
export function seededCopies(dir, rows, count) {
  console.error(`seeding ${rows} rows per table…`)
  const data = dataset(rows)
  const seeded = join(dir, 'seeded.db')
  migrateSqlite(seeded)
  seedSqlite(seeded, data, 0, rows)
  const paths = Array.from({ length: count }, (_, n) => join(dir, `copy-${n}.db`))
  for (const path of paths) copyFileSync(seeded, path)
  return { paths, data }
}
