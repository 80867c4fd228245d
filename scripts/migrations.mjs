#!/usr/bin/env node
// Generated migrations for both dialects.
//   node scripts/migrations.mjs generate [--name NAME]   drizzle-kit generate for sqlite, then postgres
//   node scripts/migrations.mjs check                     fail when a schema changed without its migration
// `drizzle-kit check` does not notice a schema changed without a migration, so `check` generates into a
// scratch copy of each folder and fails if anything new appears there.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const DIALECTS = ['sqlite', 'postgres']
const [mode, ...rest] = process.argv.slice(2)

function drizzleKit(dialect, out, args) {
  const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', ...args], {
    env: { ...process.env, DIALECT: dialect, ...(out ? { DRIZZLE_OUT: out } : {}) },
    encoding: 'utf8',
  })
  // drizzle-kit can print an error and still exit 0; only its two success messages count as success.
  if (result.status !== 0 || !/No schema changes|Your SQL migration file/.test(result.stdout)) {
    process.stderr.write(result.stdout + result.stderr)
    process.exit(result.status ?? 1)
  }
  return result.stdout
}

const files = (dir) => readdirSync(dir, { recursive: true }).map(String).sort()

if (mode === 'generate') {
  for (const dialect of DIALECTS) process.stdout.write(drizzleKit(dialect, undefined, rest))
} else if (mode === 'check') {
  let drifted = false
  for (const dialect of DIALECTS) {
    const committed = join('drizzle', dialect)
    // drizzle-kit reads `out` relative to the working directory, so the scratch copy lives under it.
    mkdirSync('.drizzle-check', { recursive: true })
    const scratch = mkdtempSync(join('.drizzle-check', `${dialect}-`))
    try {
      cpSync(committed, scratch, { recursive: true })
      drizzleKit(dialect, scratch, [])
      const added = files(scratch).filter((file) => !files(committed).includes(file))
      if (added.length > 0) {
        drifted = true
        console.error(
          `${dialect}: the schema changed without a committed migration (would add ${added.join(', ')})`,
        )
      } else {
        console.log(`${dialect}: migrations match the schema`)
      }
    } finally {
      rmSync('.drizzle-check', { recursive: true, force: true })
    }
  }
  if (drifted) {
    console.error('Run `npm run db:generate`, review the SQL, and commit it with the schema change.')
    process.exit(1)
  }
} else {
  console.error('usage: node scripts/migrations.mjs generate [--name NAME] | check')
  process.exit(2)
}
