// The README's "Following changes", run as written against a real server: its Node receiver (the code block,
// verbatim but for its port) as a process of its own, and its `curl -N` feed examples in bash. The receiver
// must verify and print every event trail delivers and turn a forged one away; the feed must answer in the
// shape the README shows.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { eventually } from '../eventually.js'
import { freePort, startServer } from '../server.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(
  readme.indexOf('## Following changes'),
  readme.indexOf('## Running on PostgreSQL'),
)
const receiverCode = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
const feedExamples = [...section.matchAll(/```sh\n(curl -N[\s\S]*?)```/g)].map(
  (match) => (match[1] as string).split('\n')[0] as string,
)

/** Resolves once the text a process printed matches `pattern`; fails the wait after 20 s. */
function waitForOutput(t: Test, output: () => string, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${what}: not seen in:\n${output()}`)), 20_000)
    const check = setInterval(() => {
      if (!pattern.test(output())) return
      clearInterval(check)
      clearTimeout(deadline)
      resolve()
    }, 20)
    t.teardown(() => {
      clearInterval(check)
      clearTimeout(deadline)
    })
  })
}

const json = { 'content-type': 'application/json' }

t.test("the README's receiver verifies and prints every delivery, and refuses a forged one", async (t) => {
  t.match(receiverCode, /\.listen\(4000\)/, 'the README has its receiver')
  const server = await startServer(t, {
    PERSIST_DB_PATH: join(t.testdir(), 'app.db'),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_POLL_MS: '100',
  })
  const port = await freePort()
  const created = await fetch(`${server.url}/webhooks`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, events: ['task.*'] }),
  })
  t.equal(created.status, 201)
  const webhook = (await created.json()) as { id: string; secret: string }

  // Beside the project's node_modules (the test folder is inside it), as `npm install standardwebhooks` puts it.
  const file = join(t.testdir(), 'receiver.mjs')
  writeFileSync(file, receiverCode.replace('.listen(4000)', `.listen(${port})`))
  const receiver = spawn(process.execPath, [file], {
    env: { ...process.env, WEBHOOK_SECRET: webhook.secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  t.teardown(() => receiver.kill('SIGKILL'))
  let printed = ''
  receiver.stdout.on('data', (chunk) => {
    printed += chunk
  })
  receiver.stderr.on('data', (chunk) => {
    printed += chunk
  })

  // A forged delivery (a signature made with another secret) is answered 400; asking until the receiver
  // listens is also how the test knows it has started (no task is written before, so nothing is delivered yet).
  const forged = {
    'content-type': 'application/json',
    'webhook-id': 'msg_forged',
    'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
    'webhook-signature': 'v1,Zm9yZ2VkIHNpZ25hdHVyZSBvZiB0aGlydHktdHdvIGJ5dGVz',
  }
  let forgedStatus = 0
  await eventually(async () => {
    forgedStatus = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: forged, body: '{}' })
      .then((res) => res.status)
      .catch(() => 0)
    return forgedStatus !== 0 || receiver.exitCode !== null
  }, 'the receiver to listen')
  t.equal(forgedStatus, 400, 'a forged delivery is refused')

  for (const title of ['one', 'two', 'three']) {
    const res = await fetch(`${server.url}/tasks`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title }),
    })
    t.equal(res.status, 201)
  }
  await waitForOutput(t, () => printed, /^3 task\.create /m, 'the third event printed')
  const lines = printed.match(/^\d+ task\.\w+ \S+/gm) ?? []
  t.same(
    lines.map((line) => line.split(' ').slice(0, 2).join(' ')),
    ['1 task.create', '2 task.create', '3 task.create'],
    'each event printed once, in order',
  )
  // The receiver prints an event before it answers, and trail records the answer after it arrives.
  let items: { status: string; responseStatus: number }[] = []
  await eventually(async () => {
    const deliveries = await fetch(`${server.url}/webhooks/${webhook.id}/deliveries`)
    items = ((await deliveries.json()) as { items: typeof items }).items
    return items.length >= 3
  }, 'three deliveries recorded')
  t.ok(
    items.length === 3 && items.every((d) => d.status === 'succeeded' && d.responseStatus === 204),
    'trail recorded each as answered 204',
  )
})

t.test("the README's curl -N feed examples answer as shown", async (t) => {
  t.equal(feedExamples.length, 2, 'the README has its two feed examples')
  const server = await startServer(t, { PERSIST_DB_PATH: join(t.testdir(), 'app.db') })
  const port = new URL(server.url).port
  // Each runs as written but for the port (and curl's progress meter, which goes to stderr anyway).
  const [follow, resume] = feedExamples.map((command) =>
    command.replace('127.0.0.1:3000', `127.0.0.1:${port}`).replace('curl -N', 'curl -sN'),
  ) as [string, string]

  // The first follows from the head: it shows what is written while it runs.
  const curl = spawn('bash', ['-c', `exec ${follow}`], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => curl.kill('SIGKILL'))
  let streamed = ''
  curl.stdout.on('data', (chunk) => {
    streamed += chunk
  })
  await waitForOutput(t, () => streamed, /^retry: 1000\n/, 'the retry advice')
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${server.url}/tasks`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: `task ${i}` }),
    })
    t.equal(res.status, 201)
  }
  const newest = await fetch(`${server.url}/tasks?limit=1`)
  const [task] = ((await newest.json()) as { items: { id: string }[] }).items
  const update = await fetch(`${server.url}/tasks/${task?.id}`, {
    method: 'PATCH',
    headers: { ...json, 'if-match': '"1"' },
    body: JSON.stringify({ status: 'in_progress' }),
  })
  t.equal(update.status, 200)
  await waitForOutput(t, () => streamed, /\nid: 9\n/, 'the ninth event')
  t.match(
    streamed,
    /\nid: 1\nevent: task\.create\ndata: \{"id":"[^"]+","seq":1,"actor":"anonymous","entity":"task"/,
  )
  t.match(streamed, /\nid: 9\nevent: task\.update\ndata: \{[^\n]*"diff":\{/, 'an update, its diff included')

  // The second resumes after 7 with filters: a feed never ends by itself, so curl stops after 2 s.
  const resumed = spawnSync('bash', ['-c', resume.replace('curl -sN', 'curl -sN --max-time 2')], {
    encoding: 'utf8',
    timeout: 10_000,
  }).stdout
  const ids = [...resumed.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]))
  t.same(ids, [8], 'after 7, only task and bug creates: the 8th entry (the 9th is an update)')
})
