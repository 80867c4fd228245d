#!/usr/bin/env node
// Write throughput with webhooks attached against none: `node bench/webhooks.mjs [--seconds 5] [--runs 3]`.
// Starts trail on a fresh SQLite file with a local receiver (WEBHOOK_ALLOW_PRIVATE=true), loads POST /tasks
// with autocannon (10 connections) with no webhook, then with two, taking turns, and prints the medians and
// their ratio (target: at least 0.9).
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, runs: { type: 'string', default: '3' } },
})
const ROOT = join(import.meta.dirname, '..')
if (!existsSync(join(ROOT, 'dist/server/server.js')))
  spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })

const receiver = createServer((request, response) => {
  request.resume()
  request.on('end', () => response.writeHead(204).end())
})
receiver.listen(0, '127.0.0.1')
await once(receiver, 'listening')
let received = 0
receiver.on('request', () => received++)

async function start(dir, name) {
  const child = spawn(process.execPath, ['dist/server/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PERSISTENCE: 'sqlite',
      PERSIST_DB_PATH: join(dir, `${name}.db`),
      PORT: '0',
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '0',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolve) => {
    child.stdout.on('data', (chunk) => {
      const match = /Server listening at (http:\/\/[^"\s]+)/.exec(String(chunk))
      if (match) resolve(match[1])
    })
  })
  return { url, child }
}

const load = (url) =>
  autocannon({
    url: `${url}/tasks`,
    method: 'POST',
    connections: 10,
    duration: Number(values.seconds),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench', priority: 'high' }),
  })

const dir = mkdtempSync(join(tmpdir(), 'trail-bench-webhooks-'))
const bare = await start(dir, 'bare')
const hooked = await start(dir, 'hooked')
const { port } = receiver.address()
for (const path of ['/a', '/b'])
  await fetch(`${hooked.url}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${port}${path}` }),
  })
await load(bare.url)
await load(hooked.url)
const results = { none: [], two: [] }
for (let run = 0; run < Number(values.runs); run++) {
  results.none.push((await load(bare.url)).requests.average)
  results.two.push((await load(hooked.url)).requests.average)
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const none = median(results.none)
const two = median(results.two)
console.log(
  `POST /tasks, SQLite, 10 connections: no webhook ${none.toFixed(0)} req/s; two webhooks ${two.toFixed(0)} req/s; ratio ${(two / none).toFixed(2)}; deliveries so far ${received}`,
)
bare.child.kill()
hooked.child.kill()
receiver.close()
rmSync(dir, { recursive: true, force: true })
