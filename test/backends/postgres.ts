// PostgreSQL for the shared suites. With TEST_DATABASE_URL (an admin connection to a real server) every open()
// gets a scratch database of its own, dropped when the test ends; without it, an in-process PGlite, so a fresh
// machine still runs the PostgreSQL dialect, migrations and repositories.
import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { getTableName, is } from 'drizzle-orm'
import { PgTable } from 'drizzle-orm/pg-core'
import { drizzle } from 'drizzle-orm/pglite'
import pg from 'pg'
import tap, { type Test } from 'tap'
import type { Repos } from '../../src/persistence/contract.js'
import {
  createPostgresRepos,
  migratePglite,
  openPostgresRepos,
} from '../../src/persistence/postgres/index.js'
import * as tables from '../../src/persistence/postgres/tables.js'
import { AUDIT_REFUSED, type BackendHooks, SQL_TABLES, type TestBackend, tamperSql } from './types.js'

/** An admin connection string to a real server, or undefined to run on PGlite. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined

/** Runs `statements` on a connection of its own to `url`; the rows of the last one. */
async function runOn(url: string, statements: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const results: pg.QueryResult | pg.QueryResult[] = await client.query(statements)
    return (Array.isArray(results) ? (results.at(-1) as pg.QueryResult) : results).rows
  } finally {
    await client.end()
  }
}

/**
 * Creates an empty database on the server of `adminUrl`, dropped (its connections closed) when `t` ends.
 * Returns its URL: the admin URL with the database name replaced.
 */
export async function scratchDatabase(t: Test, adminUrl: string): Promise<string> {
  const name = `trail_test_${randomBytes(8).toString('hex')}`
  await runOn(adminUrl, `CREATE DATABASE ${name}`)
  t.teardown(() => runOn(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Repositories plus a raw SQL line into the same database, for tests that tamper with it. */
export interface OpenPostgres {
  repos: Repos
  /** Runs SQL statements (several allowed) outside the repositories. */
  execute(statements: string): Promise<void>
  /** The rows of one SQL query, outside the repositories. */
  query(statement: string): Promise<unknown[]>
}

/**
 * Emptied PGlite databases, ready for the next test. Starting PGlite and migrating it takes seconds on a busy
 * machine; emptying one takes milliseconds and leaves what a fresh one would be: migrated, without rows.
 */
const idlePglites: PGlite[] = []
// An open PGlite keeps the process alive for seconds after its last query: close the idle ones when the file ends.
tap.teardown(() => Promise.all(idlePglites.splice(0).map((client) => client.close())))

// Every table of the schema, so a table added later is emptied too (a webhook left behind once made the next
// test's import target "not empty").
const EMPTY_ALL_TABLES = `TRUNCATE ${Object.values(tables)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table))
  .join(', ')}`

/**
 * PGlite's wire parser decodes each text field with `new TextDecoder('utf-8')`, which drops a leading U+FEFF,
 * so a title that starts with a BOM would read back shorter than a real server returns it (seen in the dump
 * round-trip property test). Decoders made from here on keep the BOM unless told otherwise; trail's own
 * decoder (src/http/auth.ts) already asks for `ignoreBOM: true`, so only PGlite's behaviour changes.
 */
function keepByteOrderMarks() {
  const Native = globalThis.TextDecoder
  if ((Native as { keepsBom?: boolean }).keepsBom) return
  globalThis.TextDecoder = class extends Native {
    static keepsBom = true
    constructor(label?: string, options?: TextDecoderOptions) {
      super(label, { ignoreBOM: true, ...options })
    }
  }
}

async function migratedPglite(): Promise<PGlite> {
  keepByteOrderMarks()
  const client = new PGlite()
  await migratePglite(drizzle(client))
  return client
}

/** Repositories on an in-process PGlite, whatever TEST_DATABASE_URL says (its dump load sends INSERTs, not COPY). */
export async function openPglite(): Promise<OpenPostgres> {
  const reused = idlePglites.pop()
  // Emptied again when taken: a test's app that is still closing (a webhook worker's last settle) may have
  // written after the release emptied it.
  if (reused !== undefined) await reused.exec(EMPTY_ALL_TABLES)
  const client = reused ?? (await migratedPglite())
  // A database changed outside the repositories (triggers, say) is thrown away rather than reused.
  let tampered = false
  const release = async () => {
    if (tampered) return client.close()
    await client.exec(EMPTY_ALL_TABLES)
    idlePglites.push(client)
  }
  return {
    repos: createPostgresRepos(drizzle(client), { close: release }),
    async execute(statements) {
      tampered = true
      await client.exec(statements)
    },
    query: async (statement) => (await client.query(statement)).rows,
  }
}

async function openRealServer(t: Test, adminUrl: string): Promise<OpenPostgres> {
  const url = await scratchDatabase(t, adminUrl)
  const repos = await openPostgresRepos({ url, poolSize: 5 })
  return {
    repos,
    execute: async (statements) => void (await runOn(url, statements)),
    query: (statement) => runOn(url, statement),
  }
}

/** Fresh, migrated repositories (and raw SQL) on PGlite or a scratch database; closed when `t` ends. */
export async function openPostgres(t: Test): Promise<OpenPostgres> {
  const opened = testDatabaseUrl === undefined ? await openPglite() : await openRealServer(t, testDatabaseUrl)
  // Teardowns run last-registered first, so the repositories close before their scratch database is dropped.
  t.teardown(() => opened.repos.close())
  return opened
}

function hooksOn({ execute, query }: OpenPostgres): BackendHooks {
  return {
    async refuseAuditWrites({ action } = {}) {
      const when = action === undefined ? '' : `WHEN (NEW.action = '${action}')`
      await execute(`
        CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${AUDIT_REFUSED}'; END $$;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW ${when}
        EXECUTE FUNCTION refuse_audit();`)
    },
    async allowAuditWrites() {
      await execute(
        'DROP TRIGGER IF EXISTS refuse_audit ON audit_entries; DROP FUNCTION IF EXISTS refuse_audit',
      )
    },
    auditRefusal: { message: new RegExp(AUDIT_REFUSED) },
    async deleteAuditThrough(seq) {
      await execute(`DELETE FROM audit_entries WHERE seq <= ${Number(seq)}`)
    },
    async rawRows() {
      const rows: Record<string, unknown[]> = {}
      for (const [table, order] of Object.entries(SQL_TABLES)) {
        rows[table] = await query(`SELECT * FROM ${table} ORDER BY ${order}`)
      }
      return rows
    },
    tamperAudit: (change) => execute(tamperSql(change)),
  }
}

export const postgres: TestBackend = {
  name: 'postgres',
  open: async (t) => (await openPostgres(t)).repos,
  async openWithHooks(t) {
    const opened = await openPostgres(t)
    return { repos: opened.repos, hooks: hooksOn(opened) }
  },
}
