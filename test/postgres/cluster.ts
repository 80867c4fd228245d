// A private, throwaway PostgreSQL cluster for tests that stop and start the server: the machine's shared
// server must never be restarted under other tests. Needs the server binaries (initdb, pg_ctl); run as root,
// it runs them as the `postgres` OS user, since PostgreSQL refuses to run as root.
import { execFile as execFileCallback, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tap'
import { freePort } from '../server.js'

const execFile = promisify(execFileCallback)

export interface PrivateCluster {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
}

function serverBinDir(): string | undefined {
  const candidates = [process.env.PG_BIN]
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim())
  } catch {
    // No pg_config on PATH: only PG_BIN can point at the binaries.
  }
  return candidates.find(
    (dir) => dir !== undefined && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  )
}

/** The uid and gid to run the server as: ourselves, or `postgres` when we are root. */
function serverUser(): { uid: number; gid: number; asUser: string[] } | undefined {
  if (process.getuid?.() !== 0)
    return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, asUser: [] }
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    return { uid, gid, asUser: ['runuser', '-u', 'postgres', '--'] }
  } catch {
    return undefined
  }
}

/** Why a private cluster cannot run here, or undefined when it can. */
export function privateClusterUnavailable(): string | undefined {
  if (serverBinDir() === undefined)
    return 'needs PostgreSQL server binaries (initdb, pg_ctl: PG_BIN or pg_config)'
  if (serverUser() === undefined) return 'needs a postgres OS user to run the server as when run as root'
  return undefined
}

/** Creates and starts a cluster on a free loopback port; stopped and deleted when `t` ends. */
export async function startPrivateCluster(t: Test): Promise<PrivateCluster> {
  const bin = serverBinDir() as string
  const user = serverUser() as NonNullable<ReturnType<typeof serverUser>>
  const run = (tool: string, args: string[]) => {
    const [command, ...prefix] = [...user.asUser, join(bin, tool)]
    return execFile(command as string, [...prefix, ...args])
  }
  const dir = mkdtempSync(join(tmpdir(), 'trail-pg-'))
  chownSync(dir, user.uid, user.gid)
  const data = join(dir, 'data')
  const port = await freePort()
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, '-w', '-t', '60', ...args])

  t.teardown(async () => {
    await pgCtl('-m', 'immediate', 'stop').catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const start = async () => void (await pgCtl('-o', options, '-l', join(dir, 'server.log'), 'start'))
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async () => void (await pgCtl('-m', 'fast', 'stop')),
  }
}
