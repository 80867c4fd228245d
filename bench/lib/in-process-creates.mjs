// Task creates in process, no HTTP: the body both in-process write benches create, the minimal server's create
// (its two statements in one immediate transaction, as bench/minimal/server.mjs does them), and the timing:
// of one operation, and of several taking turns.
import Database from 'better-sqlite3'
import { MINIMAL_SCHEMA, seedMinimal } from '../minimal/schema.mjs'

/** The body of every create (a title, a priority, two assignees and a rationale, as `POST /tasks` sends). */
export const CREATE_BODY = {
  title: 'Benchmark task: ship the importer',
  priority: 'high',
  assignees: ['ada', 'bob'],
  rationale: 'Users are moving to PostgreSQL',
}

/** The minimal server's database at `path` (WAL, synchronous=NORMAL), seeded with `rows` rows of `data`. */
export function minimalDatabase(path, data, rows) {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(MINIMAL_SCHEMA)
  seedMinimal(db, data, 0, rows)
  return db
}

/** The minimal server's create on `db` (bench/minimal/schema.mjs): the task row and its audit row. */
export function minimalCreate(db) {
  const insertTask = db.prepare(
    `INSERT INTO tasks (title, status, priority, assignees, rationale_log, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  )
  const insertAudit = db.prepare(
    'INSERT INTO audit_entries (actor, entity, entity_id, action, at, diff) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const create = db.transaction(() => {
    const at = Date.now()
    const task = {
      ...CREATE_BODY,
      status: 'todo',
      rationaleLog: [{ at, actor: 'bench', text: CREATE_BODY.rationale }],
    }
    const { lastInsertRowid } = insertTask.run(
      task.title,
      task.status,
      task.priority,
      JSON.stringify(task.assignees),
      JSON.stringify(task.rationaleLog),
      at,
      at,
    )
    insertAudit.run('bench', 'task', lastInsertRowid, 'create', at, JSON.stringify(task))
  })
  return async () => create.immediate()
}

/** `n` creates through `create`, one after another; CPU µs (user + system, the whole process) and wall µs per create. */
export async function timedCreates(n, create) {
  const cpu = process.cpuUsage()
  const wall = performance.now()
  for (let i = 0; i < n; i++) await create()
  const used = process.cpuUsage(cpu)
  return { cpuUs: (used.user + used.system) / n, wallUs: ((performance.now() - wall) * 1000) / n }
}

/**
 * Times `times` runs of each of `operations` (async functions) in `rounds`, taking turns (a different one first
 * each round, so drift on the machine falls on all alike), after a warm-up of the JIT and of the pages they
 * touch. Answers each operation's CPU µs per run, one figure per round, in `operations`' order.
 */
export async function timedInTurns(operations, { rounds, times }) {
  for (const operation of operations) await timedCreates(times, operation)
  const perRound = operations.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < operations.length; k++) {
      const i = (round + k) % operations.length
      perRound[i].push((await timedCreates(times, operations[i])).cpuUs)
    }
    console.error(
      `round ${round + 1} of ${rounds}: ${perRound.map((r) => r.at(-1).toFixed(0)).join(' / ')} µs`,
    )
  }
  return perRound
}
