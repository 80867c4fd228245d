// Server children: spawn, time start-to-healthy, sample memory from /proc, stop gracefully.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The status code of GET `url`, or 0 when nothing answers. */
function probe(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', () => resolve(0))
    request.setTimeout(1000, () => request.destroy())
  })
}

/** VmRSS and VmHWM of `pid` in MiB, or undefined where /proc is not there. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1])
    return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

/**
 * Starts `node [nodeArgs] script` with `env` on a free port and resolves once GET `healthPath` answers 200, with the
 * time that took. The child's output is kept (last lines) for the error message when it dies.
 */
export async function startServer({
  name,
  script,
  env,
  cwd,
  nodeArgs = [],
  timeoutMs = 60_000,
  healthPath = '/health',
}) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = []
  const keep = (chunk) => {
    output.push(chunk.toString())
    if (output.length > 50) output.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = null
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      resolve(exited)
    })
  })

  for (;;) {
    if (exited) {
      throw new Error(
        `${name} exited (${exited.code ?? exited.signal}) before it was healthy:\n${output.join('')}`,
      )
    }
    if ((await probe(`${url}${healthPath}`)) === 200) break
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL')
      throw new Error(`${name} was not healthy after ${timeoutMs} ms:\n${output.join('')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const startMs = performance.now() - started

  // Peak resident memory while the server is loaded: sampled, since VmHWM also counts start-up.
  let peakRss = 0
  const sample = () => {
    const memory = memoryOf(child.pid)
    if (memory && memory.rss > peakRss) peakRss = memory.rss
  }
  const sampler = setInterval(sample, 100)
  sampler.unref()

  return {
    name,
    url,
    port,
    pid: child.pid,
    startMs,
    output,
    memory() {
      sample()
      return { peakRssMiB: peakRss, hwmMiB: memoryOf(child.pid)?.hwm }
    },
    /** SIGTERM (the graceful shutdown trail promises), SIGKILL after `graceMs`; resolves on exit. */
    async stop(graceMs = 15_000) {
      clearInterval(sampler)
      if (exited) return exited
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      const result = await exit
      clearTimeout(timer)
      return result
    },
  }
}
