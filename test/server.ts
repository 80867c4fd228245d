// Runs the real server (dist/server/server.js, the bundle `npm start` runs) as a child process, for the tests
// that kill it, run two of it, or use it as an operator would. `npm test` builds dist first (pretest); when a
// test file is run on its own, a missing or stale build is rebuilt here.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Test } from 'tap'

const ROOT = join(import.meta.dirname, '..')
export const SERVER_ENTRY = join(ROOT, 'dist', 'server', 'server.js')
// tsc rewrites its incremental state whenever a source's content changes, and only then.
const BUILD_INFO = join(ROOT, 'dist', '.tsbuildinfo')

const newestSource = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  )

export function ensureBuilt() {
  const built = existsSync(SERVER_ENTRY) && existsSync(BUILD_INFO)
  const current =
    built &&
    statSync(BUILD_INFO).mtimeMs >= newestSource(join(ROOT, 'src')) &&
    statSync(SERVER_ENTRY).mtimeMs >= statSync(BUILD_INFO).mtimeMs
  if (current) return
  // tsc emits even when some file has a type error; the typecheck script is where those are caught.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' })
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' })
  if (!existsSync(SERVER_ENTRY))
    throw new Error('tsc and scripts/bundle.mjs did not produce dist/server/server.js')
}

/** A port on 127.0.0.1 that nobody listens on right now, for a process the test starts. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>
  /** Graceful stop (SIGTERM: finish in-flight requests, checkpoint, exit). */
  stop(): Promise<number | NodeJS.Signals | null>
  kill(): void
  /** Everything the server has printed so far (its log, and any start-up error). */
  output(): string
}

/**
 * Starts a server configured by `env` (SQLite at a path of the test's choosing, by default on a port the OS
 * picks), resolving once it answers /health; killed when `t` ends. It logs at info: the URL is read from its
 * "listening" line.
 */
export async function startServer(t: Test, env: Record<string, string>): Promise<RunningServer> {
  ensureBuilt()
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PERSISTENCE: 'sqlite',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  t.teardown(() => {
    child.kill('SIGKILL')
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  // The port is the one the OS chose; the server says which in its "listening" log line.
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /Server listening at (http:\/\/[^"\s]+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${output}`)))
  })
  const health = await fetch(`${url}/health`)
  if (health.status !== 200) throw new Error(`/health answered ${health.status}`)
  return {
    url,
    process: child,
    exited,
    stop() {
      child.kill('SIGTERM')
      return exited
    },
    kill: () => child.kill('SIGKILL'),
    output: () => output,
  }
}
