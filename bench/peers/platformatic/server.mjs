// Platformatic DB 2.61 as the bench runs it: its auto-generated REST API over the SQLite file PERSIST_DB_PATH,
// whose tables the bench made (../../minimal/schema.mjs: tasks and status updates as trail has them, keyed by
// integer). Defaults but two: the request log at trail's level, and synchronous=NORMAL on its one connection,
// as trail runs (the file is already in WAL mode, which SQLite keeps in the file).
import { buildServer } from '@platformatic/db'

const env = process.env
const app = await buildServer({
  server: {
    hostname: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3003),
    logger: { level: env.LOG_LEVEL ?? 'info' },
    healthCheck: true,
  },
  db: {
    connectionString: `sqlite://${env.PERSIST_DB_PATH}`,
    async onDatabaseLoad(db, sql) {
      await db.query(
        sql`PRAGMA synchronous = ${sql.__dangerous__rawValue(env.SQLITE_SYNCHRONOUS ?? 'NORMAL')}`,
      )
    },
  },
})
await app.start()

async function shutdown() {
  await app.close()
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
