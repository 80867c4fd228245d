// tables.ts (what Drizzle builds queries from) and drizzle/sqlite (what the migrations create) must agree:
// the same columns, indexes and foreign keys, table by table. CI's drizzle-kit check catches a schema
// changed without its migration; this catches a migration edited by hand.
import { join } from 'node:path'
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import t from 'tap'
import { closeSqlite, openSqlite } from '../../src/persistence/sqlite/client.js'
import { applyMigrations } from '../../src/persistence/sqlite/migrate.js'
import * as schema from '../../src/persistence/sqlite/tables.js'

t.test(
  'the migrated database has exactly the tables, columns, indexes and keys tables.ts declares',
  async (t) => {
    const sqlite = openSqlite(join(t.testdir(), 'trail.db'), { synchronous: 'NORMAL' })
    t.teardown(() => closeSqlite(sqlite))
    applyMigrations(sqlite)

    // The FTS5 index (and its shadow tables) is the one table Drizzle cannot declare: a hand-written migration.
    t.match(
      sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_index'").pluck().get(),
      /USING fts5\([\s\S]*content='search_documents'[\s\S]*tokenize='porter unicode61/,
    )
    const tables = Object.values(schema).map((table) => getTableConfig(table as SQLiteTable))
    t.same(
      sqlite
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'schema_migrations' AND name NOT LIKE 'search_index%' ORDER BY name",
        )
        .pluck()
        .all(),
      tables.map((table) => table.name).sort(),
    )
    for (const table of tables) {
      const columns = sqlite.pragma(`table_info(${table.name})`) as {
        name: string
        notnull: number
        pk: number
      }[]
      // pk is the column's place in the primary key (1, 2, … for a composite one), 0 when outside it.
      const inPrimaryKey = (name: string) =>
        table.primaryKeys.some((key) => key.columns.some((column) => column.name === name))
      t.same(
        columns.map((c) => ({ name: c.name, notNull: c.notnull === 1 || c.pk > 0, primary: c.pk > 0 })),
        table.columns.map((c) => ({
          name: c.name,
          notNull: c.notNull || inPrimaryKey(c.name),
          primary: c.primary || inPrimaryKey(c.name),
        })),
        `${table.name}: columns`,
      )
      const indexes = (sqlite.pragma(`index_list(${table.name})`) as { name: string; origin: string }[])
        .filter((index) => index.origin === 'c')
        .map((index) => ({
          name: index.name,
          columns: (sqlite.pragma(`index_info(${index.name})`) as { name: string }[]).map((c) => c.name),
        }))
      const uniques = table.columns.filter((c) => c.isUnique).map((c) => `${table.name}_${c.name}_unique`)
      t.same(
        indexes.map((index) => index.name).sort(),
        [...table.indexes.map((index) => index.config.name), ...uniques].sort(),
        `${table.name}: indexes`,
      )
      for (const index of table.indexes) {
        t.same(
          indexes.find((i) => i.name === index.config.name)?.columns,
          index.config.columns.map((column) => (column as { name: string }).name),
          `${index.config.name}: columns`,
        )
      }
      const keys = sqlite.pragma(`foreign_key_list(${table.name})`) as {
        table: string
        from: string
        to: string
        on_delete: string
      }[]
      t.same(
        keys.map((key) => ({
          from: key.from,
          table: key.table,
          to: key.to,
          onDelete: key.on_delete.toLowerCase(),
        })),
        table.foreignKeys.map((key) => {
          const reference = key.reference()
          return {
            from: reference.columns[0]?.name,
            table: getTableConfig(reference.foreignTable).name,
            to: reference.foreignColumns[0]?.name,
            onDelete: key.onDelete ?? 'no action',
          }
        }),
        `${table.name}: foreign keys`,
      )
    }
  },
)
