// The reference's own migrator: the very SQL files trail applies (drizzle/<dialect>/, in journal order), run
// statement by statement in one transaction and recorded in a table of its own, so the reference database has
// trail's tables and indexes without going through trail's code.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const TABLE = 'reference_migrations'

/** The migrations of `dialect` as `{ tag, statements }`, oldest first. */
export function readMigrations(dialect) {
  const folder = join(root, 'drizzle', dialect)
  const { entries } = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8'))
  return entries.map(({ tag }) => ({
    tag,
    statements: readFileSync(join(folder, `${tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((statement) => statement.trim())
      .filter(Boolean),
  }))
}

/** Applies pending migrations to a better-sqlite3 database; returns how many the database has. */
export function migrateSqlite(db) {
  return db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (tag text PRIMARY KEY)`)
      const applied = new Set(db.prepare(`SELECT tag FROM ${TABLE}`).pluck().all())
      for (const { tag, statements } of readMigrations('sqlite')) {
        if (applied.has(tag)) continue
        for (const statement of statements) db.exec(statement)
        db.prepare(`INSERT INTO ${TABLE} (tag) VALUES (?)`).run(tag)
      }
      return db.prepare(`SELECT count(*) FROM ${TABLE}`).pluck().get()
    })
    .immediate()
}

/** Applies pending migrations through a connected `pg.Client`; returns how many the database has. */
export async function migratePostgres(client) {
  await client.query('BEGIN')
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (tag text PRIMARY KEY)`)
    const { rows } = await client.query(`SELECT tag FROM ${TABLE}`)
    const applied = new Set(rows.map((row) => row.tag))
    for (const { tag, statements } of readMigrations('postgres')) {
      if (applied.has(tag)) continue
      for (const statement of statements) await client.query(statement)
      await client.query(`INSERT INTO ${TABLE} (tag) VALUES ($1)`, [tag])
    }
    const count = await client.query(`SELECT count(*)::int AS n FROM ${TABLE}`)
    await client.query('COMMIT')
    return count.rows[0].n
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  }
}
