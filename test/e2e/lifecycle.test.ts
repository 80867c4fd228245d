import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import t from 'tap'
import { SERVER_ENTRY, startServer } from '../server.js'

t.test('a bad configuration value stops start-up with one line naming the variable', async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /^trail: PORT="eighty" is not valid: expected an integer from 0 to 65535$/],
    [
      { PERSISTENCE: 'mysql' },
      /^trail: PERSISTENCE="mysql" is not valid: expected one of memory, sqlite, postgres$/,
    ],
    [{ LOG_LEVEL: 'loud' }, /^trail: LOG_LEVEL="loud" is not valid/],
    [{ PERSISTENCE: 'postgres' }, /^trail: DATABASE_URL is required when PERSISTENCE=postgres/],
    [
      { PERSISTENCE: 'postgres', DATABASE_URL: 'mysql://x' },
      /^trail: DATABASE_URL="mysql:\/\/x" is not valid/,
    ],
    [
      { TRUST_PROXY: 'yes' },
      /^trail: TRUST_PROXY="yes" is not valid: expected true, false, or a comma-separated list/,
    ],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^trail: TRUST_PROXY="10.0.0.0\/33" is not valid/],
    [{ TRUST_PROXY: '2' }, /^trail: TRUST_PROXY="2" is not valid/],
    [{ REQUEST_TIMEOUT_MS: '5s' }, /^trail: REQUEST_TIMEOUT_MS="5s" is not valid: expected the time/],
    [
      { REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' },
      /^trail: HEADERS_TIMEOUT_MS=2000 is not valid: expected at most REQUEST_TIMEOUT_MS \(1000\)$/,
    ],
  ]
  for (const [env, message] of cases) {
    const run = spawnSync(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    })
    t.not(run.status, 0, JSON.stringify(env))
    const lines = run.stderr.trim().split('\n')
    t.equal(lines.length, 1, 'one line')
    t.match(lines[0], message)
  }
})

t.test('SIGTERM finishes in-flight requests, closes the database and exits 0', async (t) => {
  const server = await startServer(t, { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(t.testdir(), 'app.db') })
  const inFlight = Array.from({ length: 20 }, (_, i) =>
    fetch(`${server.url}/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `t${i}` }),
    }).then((res) => res.status),
  )
  // Stop the server while the rest of the requests are still being answered.
  await Promise.race(inFlight)
  const stopped = server.stop()
  const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 'refused')))
  t.equal(await stopped, 0)
  t.ok(statuses.includes(201), 'requests before the signal were answered')
  t.ok(
    statuses.every((s) => s === 201 || s === 503 || s === 'refused'),
    'every request got an answer or was refused cleanly',
  )
  t.notMatch(server.output(), /"level":50/, 'no errors logged')
})

t.test('open mode: served on loopback, refused on other addresses unless AUTH=open', async (t) => {
  const db = join(t.testdir(), 'app.db')
  const refused = spawnSync(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_OPTIONS: '', PERSIST_DB_PATH: db, HOST: '0.0.0.0', PORT: '0' },
    encoding: 'utf8',
    timeout: 20_000,
  })
  t.equal(refused.status, 1)
  t.match(refused.stderr, /^trail: refusing to serve 0\.0\.0\.0 in open mode .*AUTH=open/)

  const allowed = await startServer(t, {
    PERSIST_DB_PATH: db,
    HOST: '0.0.0.0',
    AUTH: 'open',
    LOG_LEVEL: 'info',
  })
  t.match(allowed.output(), /open mode: no API token exists/, 'a warning at start')
  t.equal(await allowed.stop(), 0)
})

t.test('a database that cannot be opened stops start-up with one line', async (t) => {
  const dir = t.testdir({ 'not-a-database.db': 'hello, this is text' })
  const run = spawnSync(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_OPTIONS: '', PERSIST_DB_PATH: join(dir, 'not-a-database.db'), PORT: '0' },
    encoding: 'utf8',
    timeout: 20_000,
  })
  t.equal(run.status, 1)
  t.equal(run.stderr.trim().split('\n').length, 1)
  t.match(run.stderr, /^trail: cannot start on sqlite: /)
})
