// The socket edge of a listening server: what Node's HTTP parser refuses (431, bad header bytes, unknown
// methods) and requests never finished (request and headers timeouts) are answered as problem+json and the
// socket closed; X-Actor bytes arrive as UTF-8; /docs/static paths climbing out of their folder are 404s.
// The app listens in this process where the server's own start-up adds nothing, so coverage sees it.
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { Test } from 'tap'
import t from 'tap'
import { memory } from '../backends/memory.js'
import { build } from '../helper.js'
import { startServer } from '../server.js'

/** The app on the memory backend, listening on a free loopback port until the test ends. */
async function listening(t: Test, env: Record<string, string> = {}) {
  const app = await build(t, memory, { env })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

interface RawAnswer {
  status: number
  headers: string
  body: string
}

/** Writes `request` as is on a new connection and reads until the server closes it. */
function raw(url: string, request: string | Buffer): Promise<RawAnswer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => {
      text += chunk
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), headers: head, body })
    })
  })
}

/** The answer's problem document; false unless it is sent as problem+json. */
const problem = (answer: RawAnswer) =>
  /\r\ncontent-type: application\/problem\+json/i.test(answer.headers) && JSON.parse(answer.body)

t.test('requests Node refuses to parse are problem+json', async (t) => {
  const server = await listening(t)
  const long = await raw(server.url, `GET /tasks?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)
  t.equal(long.status, 431)
  t.match(problem(long), { status: 431, code: 'HEADERS_TOO_LARGE' })
  const control = await raw(server.url, 'GET /tasks HTTP/1.1\r\nHost: x\r\nX-Actor: a\x01b\r\n\r\n')
  t.equal(control.status, 400)
  t.match(problem(control), { status: 400, code: 'VALIDATION_FAILED' })
  const method = await raw(server.url, 'FROB /tasks HTTP/1.1\r\nHost: x\r\n\r\n')
  t.equal(method.status, 501)
  t.match(problem(method), { status: 501, code: 'NOT_IMPLEMENTED' })
  const badUrl = await raw(server.url, 'GET /tasks/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  t.equal(badUrl.status, 400)
  t.match(problem(badUrl), { code: 'VALIDATION_FAILED', errors: [{ path: '/url' }] })
  t.equal((await fetch(`${server.url}/health`)).status, 200, 'the server is still up')
})

t.test('a request whose body or headers never arrive times out with 408', async (t) => {
  const server = await listening(t, { REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '500' })
  // Each raw() resolves only when the server closes the socket; without the timeouts it never would.
  const noBody = await raw(
    server.url,
    'POST /tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"ti',
  )
  t.equal(noBody.status, 408)
  t.match(problem(noBody), { status: 408, code: 'REQUEST_TIMEOUT' })
  const noHeaders = await raw(server.url, 'GET /tasks HTTP/1.1\r\nHost: x\r\n')
  t.equal(noHeaders.status, 408)
  t.match(problem(noHeaders), { code: 'REQUEST_TIMEOUT' })
})

t.test('X-Actor sent as UTF-8 bytes is stored as the name sent; invalid UTF-8 is a 400', async (t) => {
  const server = await startServer(t, { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(t.testdir(), 'a.db') })
  const post = (actor: Buffer) =>
    raw(
      server.url,
      Buffer.concat([
        Buffer.from('POST /tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Actor: '),
        actor,
        Buffer.from('\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"title":"a"}'),
      ]),
    )
  const created = await post(Buffer.from('café', 'utf8'))
  t.equal(created.status, 201, created.body)
  const audit = await (await fetch(`${server.url}/audit-entries`)).json()
  t.equal(audit.items[0].actor, 'café')
  const latin1 = await post(Buffer.from('café', 'latin1'))
  t.equal(latin1.status, 400)
  t.match(problem(latin1), { code: 'VALIDATION_FAILED', errors: [{ path: '/headers/x-actor' }] })
})

t.test('/docs/static paths that climb out of the folder are 404 NOT_FOUND', async (t) => {
  const server = await listening(t)
  for (const path of ['/docs/static/%2e%2e/%2e%2e/package.json', '/docs/static/%2e%2e/index.html']) {
    const answer = await raw(server.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    t.equal(answer.status, 404, path)
    t.match(problem(answer), { code: 'NOT_FOUND' }, path)
  }
})
