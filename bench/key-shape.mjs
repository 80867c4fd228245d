#!/usr/bin/env node
// Issue 16's key-shape question: what would trail's ids as 16-byte blobs instead of 36-character UUIDv7 text
// save, and what would tables keyed by their id WITHOUT ROWID (one B-tree per table instead of the rowid's and
// the key's)? On copies of one seeded database (trail's migrations), each changed in one way, taking turns
// round by round, CPU µs of: a task create (the same-work reference's: trail's statements and rules, its search
// index writer and hash chain; beside the minimal server's), a task read by id (trail's own read), and a page
// of the 50 newest tasks (trail's columns, through the list index). The copies exist only here; the README
// ("What a create's database work pays for") says why trail keeps its keys as they are.
//
//   node bench/key-shape.mjs [--rows 100000] [--rounds 7] [--creates 3000] [--reads 20000] [--out bench/results]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { desc } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { createSqliteReads } from '../dist/src/persistence/sqlite/reads.js'
import { searchIndexWriter } from '../dist/src/persistence/sqlite/search.js'
import { tasks } from '../dist/src/persistence/sqlite/tables.js'
import { taskColumns } from '../dist/src/persistence/sqlite/tasks.js'
import { CREATE_BODY, minimalCreate, minimalDatabase, timedInTurns } from './lib/in-process-creates.mjs'
import { seededCopies } from './lib/seed.mjs'
import { spread } from './lib/stats.mjs'
import {
  AUDIT_COLUMNS,
  auditEntry,
  auditToRow,
  newTask,
  now,
  TASK_COLUMNS,
  taskAssigneeRows,
  taskToRow,
} from './reference/rules.mjs'
import { documentOf } from './reference/search.mjs'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '7' },
    creates: { type: 'string', default: '3000' },
    reads: { type: 'string', default: '20000' },
    out: { type: 'string' },
  },
})
const rows = Number(values.rows)
const rounds = Number(values.rounds)
const creates = Number(values.creates)
const reads = Number(values.reads)

const asText = (id) => id
/** A UUID's 16 bytes: what a blob key binds (the conversion is counted, as a server would pay it). */
const asBytes = (id) => Buffer.from(id.replaceAll('-', ''), 'hex')

/** Every id column the seeded rows hold, as 16-byte blobs (SQLite keeps a blob a blob in a text column). */
function keysToBytes(db) {
  const bytes = (column) => `${column} = unhex(replace(${column}, '-', ''))`
  db.exec(`
    UPDATE tasks SET ${bytes('id')};
    UPDATE task_assignees SET ${bytes('task_id')};
    UPDATE status_updates SET ${bytes('id')}, ${bytes('task_id')};
    UPDATE audit_entries SET ${bytes('id')}, ${bytes('entity_id')};
    UPDATE search_documents SET ${bytes('entity_id')};`)
}

/** `table` rebuilt WITHOUT ROWID (its primary key is then the table's only B-tree), with its indexes. */
function withoutRowid(db, table) {
  const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table)
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .pluck()
    .all(table)
  db.exec(`${ddl.replace(`\`${table}\``, `\`${table}_new\``)} WITHOUT ROWID;
    INSERT INTO ${table}_new SELECT * FROM ${table};
    DROP TABLE ${table};
    ALTER TABLE ${table}_new RENAME TO ${table};
    ${indexes.join(';\n')};`)
}

const assigneesWithoutRowid = (db) => withoutRowid(db, 'task_assignees')
const bothWithoutRowid = (db) => {
  withoutRowid(db, 'tasks')
  withoutRowid(db, 'task_assignees')
}
const VARIANTS = [
  { name: 'text keys (UUIDv7, 36 characters), as shipped', key: asText, change: () => {} },
  { name: '16-byte blob keys', key: asBytes, change: keysToBytes },
  { name: 'task_assignees WITHOUT ROWID', key: asText, change: assigneesWithoutRowid },
  { name: 'tasks and task_assignees WITHOUT ROWID', key: asText, change: bothWithoutRowid },
  {
    name: '16-byte blob keys, tasks and task_assignees WITHOUT ROWID',
    key: asBytes,
    change: (db) => {
      keysToBytes(db)
      bothWithoutRowid(db)
    },
  },
]

/** Reads by id of the seeded tasks, in a fixed pseudo-random order, through trail's own read. */
function readsById(db) {
  const ids = db.prepare('SELECT id FROM tasks').pluck().all()
  const { task } = createSqliteReads(drizzle({ client: db }), db)
  let x = 1
  return async () => {
    x = (x * 1103515245 + 12345) >>> 0
    if (task(ids[x % ids.length]) === undefined) throw new Error('a seeded task was not found')
  }
}

/** The 50 newest tasks with trail's columns (the list's first page, through tasks_created_idx). */
function newestTasks(db) {
  const page = drizzle({ client: db })
    .select(taskColumns)
    .from(tasks)
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(50)
    .prepare()
  return async () => page.all()
}

/** The reference's task create (bench/reference/sqlite-store.mjs) with every id bound as `key` makes it. */
function sameWorkCreate(db, key) {
  const insertTask = db.prepare(`INSERT INTO tasks (${TASK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertAssignee = db.prepare(
    'INSERT INTO task_assignees (task_id, position, assignee, task_created_at) VALUES (?, ?, ?, ?)',
  )
  const writeIndex = searchIndexWriter(db)
  const newestAudit = db.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1')
  const insertAudit = db.prepare(
    `INSERT INTO audit_entries (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const create = db.transaction(() => {
    const task = newTask(CREATE_BODY, 'bench', now())
    const id = key(task.id)
    const taskRow = taskToRow(task)
    taskRow[0] = id
    insertTask.run(taskRow)
    for (const assignee of taskAssigneeRows(task)) {
      assignee[0] = id
      insertAssignee.run(assignee)
    }
    writeIndex({ op: 'put', doc: { ...documentOf('tasks', task), entityId: id } })
    const newest = newestAudit.get()
    const entry = auditEntry('task', 'create', 'bench', task.createdAt, null, task)
    const auditRow = auditToRow(entry, newest.seq + 1, newest.hash)
    auditRow[0] = key(auditRow[0])
    auditRow[4] = id
    insertAudit.run(auditRow)
  })
  return async () => create.immediate()
}

const dir = mkdtempSync(join(os.tmpdir(), 'trail-key-shape-'))
try {
  const { paths, data } = seededCopies(dir, rows, VARIANTS.length)
  const databases = []
  for (const [n, variant] of VARIANTS.entries()) {
    const db = new Database(paths[n])
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = OFF')
    variant.change(db)
    // Every copy rewritten alike, so none is favoured by a more compact file.
    db.exec('VACUUM')
    db.pragma('foreign_keys = ON')
    const kind = variant.key === asBytes ? 'blob' : 'text'
    if (db.prepare('SELECT count(*) FROM audit_entries WHERE typeof(entity_id) <> ?').pluck().get(kind) > 0)
      throw new Error(`${variant.name}: the seeded ids are not all ${kind}`)
    databases.push({
      name: variant.name,
      create: sameWorkCreate(db, variant.key),
      read: readsById(db),
      list: newestTasks(db),
      db,
    })
  }
  const minimal = minimalDatabase(join(dir, 'minimal.db'), data, rows)
  databases.push({ name: 'minimal server', create: minimalCreate(minimal), db: minimal })

  const copies = databases.filter((database) => database.read !== undefined)
  // Reads before creates: every copy's tasks then are the seeded ones.
  const readRounds = await timedInTurns(
    copies.map((copy) => copy.read),
    { rounds, times: reads },
  )
  const listRounds = await timedInTurns(
    copies.map((copy) => copy.list),
    { rounds, times: reads / 10 },
  )
  const createRounds = await timedInTurns(
    databases.map((database) => database.create),
    { rounds, times: creates },
  )
  for (const { db } of databases) db.close()

  const median = (values) => spread(values).median
  const fmt = (us) => us.toFixed(us < 100 ? 1 : 0)
  // A copy's saving is the median of its rounds' differences from text keys in the same round, steadier than
  // the difference of two medians when the machine drifts.
  const column = (perRound, i) => {
    if (perRound[i] === undefined) return ''
    const saved =
      i === 0 || i >= copies.length
        ? ''
        : `, saves ${fmt(median(perRound[i].map((us, r) => perRound[0][r] - us)))}`
    return `${fmt(median(perRound[i]))}${saved} (${perRound[i].map(fmt).join(', ')})`
  }
  const lines = [
    `# Key shape: a task create, read and list page (${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    '',
    `\`node bench/key-shape.mjs --rows ${rows} --rounds ${rounds} --creates ${creates} --reads ${reads}\`, in process`,
    '(SQLite, synchronous=NORMAL, checkpoints in the commit): CPU µs per operation, median of the rounds, what a',
    "copy saves against text keys (median of the rounds' differences), and each round in brackets. A create is the",
    "same-work reference's, a read by id and the 50 newest tasks are trail's (with blob keys they answer the ids",
    'as Buffers: the text the API needs would cost more).',
    '',
    '| schema | create | read by id | 50 newest tasks |',
    '| --- | ---: | ---: | ---: |',
    ...databases.map(
      (database, i) =>
        `| ${database.name} | ${column(createRounds, i)} | ${column(readRounds, i)} | ${column(listRounds, i)} |`,
    ),
  ]
  const table = `${lines.join('\n')}\n`
  process.stdout.write(table)
  if (values.out !== undefined) {
    mkdirSync(values.out, { recursive: true })
    writeFileSync(join(values.out, 'key-shape.md'), table)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
