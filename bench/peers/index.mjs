// Peers: services a user might pick instead of trail, run beside it on SQLite with `--peers NAME`. Each lives in
// its own folder with its own package.json and package-lock.json, installed there on first use (`npm ci`),
// never a dependency of trail. A peer says how to make its database (the same rows as trail's, its own way),
// how to start it, and what it changes in the bench's requests.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))

/** Installs the peer in `folder` from its lock file unless it is there already. */
function ensureInstalled(folder, probe) {
  if (existsSync(join(folder, 'node_modules', probe))) return
  console.error(`installing the peer in ${folder} (npm ci; once)`)
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: folder, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm ci failed in ${folder}`)
}

const PLATFORMATIC = join(HERE, 'platformatic')

// Tasks and status updates as trail keeps them, keyed by integer, in the column types Platformatic DB maps
// (DATETIME for its automatic timestamps). No audit table:
// Platformatic writes no audit row, which the figures must be read with.
const PLATFORMATIC_SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'todo',
  priority TEXT NOT NULL DEFAULT 'medium',
  assignees TEXT NOT NULL DEFAULT '[]',
  rationale_log TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  created_at DATETIME,
  updated_at DATETIME
);
CREATE TABLE IF NOT EXISTS status_updates (
  id INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  task_id INTEGER REFERENCES tasks (id),
  message TEXT NOT NULL,
  created_at DATETIME
);
`

/**
 * The bench's POST /tasks body as Platformatic takes it: every NOT NULL column (it requires them, defaults or
 * not), the JSON columns as text, the rationale entry written out by the client.
 */
const PLATFORMATIC_TASK_BODY = JSON.stringify({
  title: 'Benchmark task: ship the importer',
  status: 'todo',
  priority: 'high',
  version: 1,
  assignees: JSON.stringify(['ada', 'bob']),
  rationaleLog: JSON.stringify([
    { at: '2026-11-30T00:00:00.000Z', actor: 'bench', text: 'Users are moving to PostgreSQL' },
  ]),
})

export const PEERS = {
  platformatic: {
    title: 'Platformatic DB 2.61',
    script: join(PLATFORMATIC, 'server.mjs'),
    healthPath: '/status',
    /** Its database in `dir`, installing the peer first if need be. */
    prepare(dir) {
      ensureInstalled(PLATFORMATIC, '@platformatic/db')
      const path = join(dir, 'platformatic.db')
      return {
        path,
        env: { PERSIST_DB_PATH: path },
        schema: PLATFORMATIC_SCHEMA,
        time: (ms) => new Date(ms).toISOString(),
      }
    },
    fixture: {
      // The three routes the issue compares; Platformatic's own routes and body for them.
      serves: ['get-task', 'list-first', 'post-task'],
      rewrite(key, request) {
        if (key === 'list-first') return { ...request, path: '/statusUpdates?limit=50&orderby.id=desc' }
        if (key === 'post-task') return { ...request, body: PLATFORMATIC_TASK_BODY }
        return request
      },
    },
  },
}
