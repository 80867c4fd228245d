#!/usr/bin/env node
// The `trail` command: operator tasks against the database the environment configures.
import 'dotenv/config'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { migrateDatabase } from '../persistence/index.js'

const USAGE = `usage: trail <command>

commands:
  migrate     apply pending migrations to the configured database and print what was applied

Configuration comes from the environment (PERSISTENCE, PERSIST_DB_PATH, DATABASE_URL, …), as for the server.`

async function migrate() {
  const config = loadConfig()
  const { applied, schemaVersion } = await migrateDatabase(config)
  if (applied.length === 0) console.log(`${config.persistence}: up to date at schema version ${schemaVersion}`)
  for (const tag of applied) console.log(`applied ${tag}`)
  if (applied.length > 0) console.log(`${config.persistence}: now at schema version ${schemaVersion}`)
}

const commands: Record<string, (args: string[]) => Promise<void>> = { migrate }

async function main(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false })
  const [name, ...rest] = positionals
  if (name === undefined || name === 'help' || argv.includes('--help')) {
    console.log(USAGE)
    return
  }
  const command = commands[name]
  if (command === undefined) {
    console.error(`trail: unknown command "${name}"\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  await command(rest)
}

try {
  await main(process.argv.slice(2))
} catch (error) {
  // Operators get one clear line; the stack is for developers (TRAIL_DEBUG=1).
  const message = error instanceof ConfigError ? error.message : (error as Error).message
  console.error(`trail: ${message}`)
  if (process.env.TRAIL_DEBUG) console.error(error)
  process.exitCode = 1
}
