// drizzle-kit configuration for both dialects: DIALECT=sqlite (default) or DIALECT=postgres picks the
// schema and the migrations folder. `npm run db:generate` runs both; DRIZZLE_OUT overrides the folder so
// `npm run db:check` can generate into a scratch copy and compare.
import { defineConfig } from 'drizzle-kit'

const dialect = process.env.DIALECT === 'postgres' ? 'postgresql' : 'sqlite'
const folder = dialect === 'postgresql' ? 'postgres' : 'sqlite'

export default defineConfig({
  dialect,
  schema: `./src/persistence/${folder}/tables.ts`,
  out: process.env.DRIZZLE_OUT ?? `./drizzle/${folder}`,
  migrations: { table: 'schema_migrations' },
})
