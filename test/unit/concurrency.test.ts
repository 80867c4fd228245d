// Optimistic concurrency at the edge, on its own: which version a request states, where it stated it, and the
// status a stale one earns (412 for If-Match, 409 for a body or query version).
import type { FastifyReply, FastifyRequest } from 'fastify'
import t from 'tap'
import { notFound, TrailError, versionMismatch } from '../../src/core/errors.js'
import { etag, expectedVersion, setEtag, versionedWrite } from '../../src/http/concurrency.js'
import { thrown } from './helpers.js'

const withIfMatch = (ifMatch?: string) =>
  ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as FastifyRequest

t.test('the ETag is the version in double quotes', async (t) => {
  t.equal(etag(1), '"1"')
  t.equal(etag(12), '"12"')
  const headers: [string, unknown][] = []
  setEtag(
    { header: (name: string, value: unknown) => headers.push([name, value]) } as unknown as FastifyReply,
    7,
  )
  t.same(headers, [['etag', '"7"']])
})

t.test('without If-Match the stated version is used; with neither it is a 428', async (t) => {
  t.same(expectedVersion(withIfMatch(), 3), { version: 3, fromIfMatch: false })
  t.match(
    thrown(() => expectedVersion(withIfMatch(), undefined)),
    {
      status: 428,
      code: 'PRECONDITION_REQUIRED',
    },
  )
})

t.test('If-Match names one version: strong or weak, any number of digits, spaces around', async (t) => {
  const cases: [string, number][] = [
    ['"3"', 3],
    ['W/"3"', 3],
    ['"0"', 0],
    ['"12"', 12],
    ['"100"', 100],
    ['"1234567890"', 1234567890],
    [' "5" ', 5],
    ['\t  W/"5"  ', 5],
  ]
  for (const [header, version] of cases) {
    t.same(expectedVersion(withIfMatch(header), undefined), { version, fromIfMatch: true }, header)
  }
})

t.test('anything else in If-Match is a 400 naming the header', async (t) => {
  const junk = [
    '',
    '""',
    '3',
    '"3',
    '3"',
    'x"3"',
    '"3"junk',
    'x "3"',
    '"3" x',
    'w/"3"',
    'W/3',
    'W"3"',
    '/"3"',
    '"3", "4"',
    '"-3"',
    '"3a"',
    '"a"',
    '" 3"',
    '*',
    '"12345678901"',
  ]
  for (const header of junk) {
    const error = thrown(() => expectedVersion(withIfMatch(header), undefined))
    t.match(error, { status: 400, code: 'VALIDATION_FAILED' }, `If-Match: ${header}`)
    t.match(error.message, /If-Match/, 'the detail says what is wrong')
    t.match(error.extra.errors, [{ path: '/headers/if-match', message: /\S/ }])
  }
})

t.test('If-Match and a stated version must agree', async (t) => {
  t.same(expectedVersion(withIfMatch('"4"'), 4), { version: 4, fromIfMatch: true })
  t.same(expectedVersion(withIfMatch('"12"'), 12), { version: 12, fromIfMatch: true })
  for (const stated of [3, 5, 1, 40]) {
    const error = thrown(() => expectedVersion(withIfMatch('"4"'), stated))
    t.match(error, { status: 400, code: 'VALIDATION_FAILED' }, `version ${stated}`)
    t.match(error.message, /If-Match/)
    t.match(error.extra.errors, [{ path: '/version', message: /\S/ }])
  }
})

t.test('versionedWrite passes the expected version and returns what the write returns', async (t) => {
  const seen: number[] = []
  const result = await versionedWrite({ version: 5, fromIfMatch: true }, async (version) => {
    seen.push(version)
    return 'written'
  })
  t.equal(result, 'written')
  t.same(seen, [5])
})

t.test('a stale If-Match is a 412 with the current version; a stale body version stays a 409', async (t) => {
  const stale = async () => {
    throw versionMismatch(9)
  }
  const fromHeader = await versionedWrite({ version: 5, fromIfMatch: true }, stale).catch((e) => e)
  t.ok(fromHeader instanceof TrailError)
  t.match(fromHeader, { status: 412, code: 'VERSION_MISMATCH', extra: { currentVersion: 9 } })
  t.equal(fromHeader.headers.etag, '"9"')
  const fromBody = await versionedWrite({ version: 5, fromIfMatch: false }, stale).catch((e) => e)
  t.match(fromBody, { status: 409, code: 'VERSION_MISMATCH', extra: { currentVersion: 9 } })
})

t.test('other failures pass through unchanged', async (t) => {
  const missing = notFound('Task', 'x')
  const gone = await versionedWrite({ version: 1, fromIfMatch: true }, async () => {
    throw missing
  }).catch((e) => e)
  t.equal(gone, missing)
  const plain = new Error('disk on fire')
  const failed = await versionedWrite({ version: 1, fromIfMatch: true }, async () => {
    throw plain
  }).catch((e) => e)
  t.equal(failed, plain)
  const foreign = Object.assign(new Error('a driver error'), { code: 'VERSION_MISMATCH' })
  const passed = await versionedWrite({ version: 1, fromIfMatch: true }, async () => {
    throw foreign
  }).catch((e) => e)
  t.equal(
    passed,
    foreign,
    'only trail’s own version mismatch becomes a 412, not an error that shares its code',
  )
})
