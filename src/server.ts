// Entry point: configuration → app → listen, and a graceful shutdown that finishes in-flight requests,
// closes the repositories (checkpointing SQLite) and exits 0.
import 'dotenv/config'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.')

async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    const loaded = loadConfig()
    // A server writes for as long as it runs: its SQLite checkpoints go to a worker thread (checkpointer.ts).
    config = { ...loaded, sqlite: { ...loaded.sqlite, checkpointInBackground: true } }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`trail: ${error.message}`)
      process.exit(1)
    }
    throw error
  }

  let app: Awaited<ReturnType<typeof buildApp>>
  try {
    app = await buildApp(config)
  } catch (error) {
    console.error(`trail: cannot start on ${config.persistence}: ${(error as Error).message}`)
    process.exit(1)
  }

  if (!(await app.repos.tokens.exists())) {
    if (!isLoopback(config.host) && !config.openAuthAllowed) {
      console.error(
        `trail: refusing to serve ${config.host} in open mode (no API token exists, so anyone could write as anyone); ` +
          'create one with `trail tokens create --actor NAME --role admin`, or set AUTH=open to accept the risk',
      )
      await app.close()
      process.exit(1)
    }
    app.log.warn('open mode: no API token exists, so requests need none and X-Actor names the actor')
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })

  await app.listen({ host: config.host, port: config.port })
}

await main()
