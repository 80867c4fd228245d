// trail as dist/src/server.js starts it on PostgreSQL, but on postgres.js (the `postgres` package) under Drizzle
// instead of node-postgres: the same repositories over `drizzle-orm/postgres-js`, a pool of PG_POOL_SIZE
// connections. For the driver comparison of issue 16 only: `postgres` is no dependency of trail, so put it
// where Drizzle finds it first (`npm pack postgres@3.4.9`, unpacked as node_modules/postgres), and the bench
// has migrated the database already. Leaves out what pool.ts adds beside the pool (retention's lock runner,
// other instances' change-feed notifications), which the bench does not exercise.
// npm run bench -- --backends postgres --trail-script bench/variants/trail-postgres-js.mjs
const { default: postgres } = await import('postgres')
const { drizzle } = await import('drizzle-orm/postgres-js')
const { buildApp } = await import('../../dist/src/app.js')
const { loadConfig } = await import('../../dist/src/config.js')
const { serve } = await import('./serve.mjs')
const { createPostgresRepos } = await import('../../dist/src/persistence/postgres/index.js')

const config = loadConfig()
const client = postgres(config.postgres.url, {
  max: config.postgres.poolSize,
  connection: { application_name: 'trail' },
  onnotice: () => {},
})
const repos = createPostgresRepos(drizzle(client), { close: () => client.end() })
const app = await buildApp(config, { repos })
await serve(app, config)
