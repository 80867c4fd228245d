// Scratch PostgreSQL databases on the server the bench can reach: created per run, dropped after it.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** `url` (or DATABASE_URL, or the local server) when a server answers there; undefined otherwise. */
export async function reachablePostgres(url = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return url
  } catch {
    return undefined
  } finally {
    await client.end().catch(() => {})
  }
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new empty database `trail_bench_<random>_<suffix>` on the server of `adminUrl`, and its URL. */
export async function createScratchDatabase(adminUrl, suffix) {
  const name = `trail_bench_${randomBytes(4).toString('hex')}_${suffix}`
  await admin(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { name, url: url.toString() }
}

export async function dropScratchDatabase(adminUrl, name) {
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}
