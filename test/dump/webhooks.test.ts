// Webhooks move with a dump only when asked (--include-secrets): without it a dump has no webhook and no
// secret; with it the webhook arrives with its secret, so a receiver's signature check with the
// `standardwebhooks` package still passes, and with its delivery state, so it resumes after the last event
// it delivered: nothing committed before the export is lost, and nothing it had delivered is sent again.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { backends } from '../backends/index.js'
import { postgres } from '../backends/postgres.js'
import { sqlite } from '../backends/sqlite.js'
import type { TestBackend } from '../backends/types.js'
import { eventually } from '../eventually.js'
import { build, type TestApp } from '../helper.js'
import { FAST_DELIVERY, type Receiver, startReceiver } from '../webhooks/receiver.js'
import { dumpText, forgeDump, importFile, rowLinesOf, rowsAndEnd } from './helpers.js'

const FAST = FAST_DELIVERY

const createTask = async (app: TestApp, title: string) =>
  (await app.inject({ method: 'POST', url: '/tasks', payload: { title } })).json().id as string

const succeeded = async (app: TestApp, hookId: string) =>
  (await app.inject({ method: 'GET', url: `/webhooks/${hookId}/deliveries?limit=200` }))
    .json()
    .items.filter((delivery: { status: string }) => delivery.status === 'succeeded').length

/**
 * A source whose webhook delivered two tasks' events and was then turned off before two more were written:
 * its delivery state sits behind the head, as a webhook's does while a receiver is down.
 */
async function webhookBehindTheHead(t: Test, backend: TestBackend) {
  const app = await build(t, backend, { env: FAST })
  const receiver = await startReceiver(t)
  const hook = (
    await app.inject({ method: 'POST', url: '/webhooks', payload: { url: receiver.url, events: ['task.*'] } })
  ).json()
  receiver.secret = hook.secret
  const delivered = [await createTask(app, 'one'), await createTask(app, 'two')]
  // The delivery log and the delivery state are written together, so two successes mean the state moved.
  await eventually(async () => (await succeeded(app, hook.id)) === 2, 'two deliveries settled')
  await app.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: { active: false } })
  const pending = [await createTask(app, 'three'), await createTask(app, 'four')]
  return { app, receiver, hook, delivered, pending }
}

const writeDumpFile = (t: Test, name: string, text: string) => {
  mkdirSync(t.testdirName, { recursive: true })
  const path = join(t.testdirName, name)
  writeFileSync(path, text)
  return path
}

/** Turns the imported webhook on and checks it resumes exactly after what it had delivered, signed as before. */
async function resumesWhereItStopped(
  t: Test,
  target: TestApp,
  source: { receiver: Receiver; hook: { id: string }; pending: string[] },
) {
  const { receiver, hook, pending } = source
  const before = receiver.requests.length
  await target.inject({ method: 'PATCH', url: `/webhooks/${hook.id}`, payload: { active: true } })
  const after = await createTask(target, 'five')
  const expected = [...pending, after]
  await receiver.until(() => receiver.requests.length >= before + expected.length, 'the resumed deliveries')
  const resumed = receiver.requests.slice(before)
  t.same(
    resumed.map((r) => r.entry.entityId),
    expected,
    'the events after its delivered point, in order: none lost, none it had delivered sent again',
  )
  t.ok(
    resumed.every((r) => r.verified === true),
    'every signature verifies with the secret it had before the move',
  )
}

for (const backend of backends) {
  t.test(`${backend.name}: webhooks in a dump only with --include-secrets`, async (t) => {
    const source = await webhookBehindTheHead(t, backend)
    const secret = source.hook.secret as string

    const without = await dumpText(source.app.repos)
    t.notMatch(without, /"table":"webhooks"/, 'no webhook rows by default')
    t.notMatch(without, secret, 'no secret by default')
    t.match(JSON.parse(without.split('\n')[0] as string).counts, { webhooks: 0 })

    const withSecrets = await dumpText(source.app.repos, { includeSecrets: true })
    const [line] = withSecrets.split('\n').filter((l) => l.startsWith('{"table":"webhooks"'))
    const row = JSON.parse(line as string).row
    t.match(row, { id: source.hook.id, secret, active: false, attempt: 0, nextAttemptAt: null })
    t.equal(Object.hasOwn(row, 'leaseOwner'), false, 'never the lease')
    const head = (await source.app.repos.audit.head())?.seq ?? 0
    t.ok(row.deliveredThroughSeq < head, 'its delivery state is behind the head')
    const path = writeDumpFile(t, 'with-secrets.ndjson', withSecrets)

    const dropped = await build(t, backend, { env: FAST })
    const summary = await importFile(path, dropped.repos)
    t.equal(summary.skippedWebhooks, 1)
    t.same((await dropped.inject({ method: 'GET', url: '/webhooks' })).json(), { items: [] })

    const kept = await build(t, backend, { env: FAST })
    t.equal((await importFile(path, kept.repos, false, { includeSecrets: true })).counts.webhooks, 1)
    t.equal(
      rowsAndEnd(await dumpText(kept.repos, { includeSecrets: true })),
      rowsAndEnd(withSecrets),
      'the webhook row comes back byte-identical',
    )
    await resumesWhereItStopped(t, kept, source)
  })

  t.test(`${backend.name}: a dump's webhook rows are checked before anything is loaded`, async (t) => {
    const source = await webhookBehindTheHead(t, backend)
    const path = writeDumpFile(t, 'dump.ndjson', await dumpText(source.app.repos, { includeSecrets: true }))
    const lines = rowLinesOf(path)
    const at = lines.findIndex((l) => l.startsWith('{"table":"webhooks"'))
    const edits: [string, (row: Record<string, unknown>) => void, RegExp][] = [
      ['past the head', (row) => (row.deliveredThroughSeq = 1000), /deliveredThroughSeq 1000 is past/],
      ['not http', (row) => (row.url = 'ftp://example.com/hook'), /webhook url must be an http\(s\) URL/],
      ['a bad secret', (row) => (row.secret = 'whsec_short'), /webhooks row: \/secret must match/],
      ['an unknown field', (row) => (row.leaseOwner = 'x'), /unknown field \/leaseOwner/],
    ]
    for (const [what, edit, message] of edits) {
      const row = JSON.parse(lines[at] as string).row
      edit(row)
      forgeDump(
        path,
        lines.map((l, i) => (i === at ? JSON.stringify({ table: 'webhooks', row }) : l)),
      )
      const target = await build(t, backend)
      await t.rejects(
        importFile(path, target.repos, false, { includeSecrets: true }),
        { name: 'DumpError', message: new RegExp(`^line ${at + 2}: .*${message.source}`) },
        what,
      )
      t.same(await target.repos.audit.head(), undefined, `${what}: nothing was loaded`)
    }
  })
}

// The hops cross backends, so they run whatever TEST_BACKENDS says (like round-trip.test.ts).
t.test('sqlite → postgres → sqlite: webhooks, secrets and delivery state unchanged', async (t) => {
  const source = await webhookBehindTheHead(t, sqlite)
  const first = await dumpText(source.app.repos, { includeSecrets: true })
  const viaPostgres = await build(t, postgres, { env: FAST })
  await importFile(writeDumpFile(t, 'a.ndjson', first), viaPostgres.repos, false, { includeSecrets: true })
  const second = await dumpText(viaPostgres.repos, { includeSecrets: true })
  t.equal(rowsAndEnd(second), rowsAndEnd(first), 'PostgreSQL writes the same row lines')
  const back = await build(t, sqlite, { env: FAST })
  await importFile(writeDumpFile(t, 'b.ndjson', second), back.repos, false, { includeSecrets: true })
  t.equal(rowsAndEnd(await dumpText(back.repos, { includeSecrets: true })), rowsAndEnd(first))
  await resumesWhereItStopped(t, back, source)
})
