#!/usr/bin/env node
// `npm run bench:verify -- --entries 1000000`: seeds a SQLite file with that many chained audit entries (the
// data set of bench/lib/dataset.mjs, hashed by trail's own chainHash), then times `trail audit verify` as its
// own process and prints entries/s and its peak RSS. Targets (reported, never asserted): 200k entries/s or
// more, peak RSS under 100 MB at any size.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { dataset } from './lib/dataset.mjs'
import { seedSqlite } from './lib/seed.mjs'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/src/cli/index.js')
const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000000' } } })
const entries = Number(values.entries)
if (!Number.isInteger(entries) || entries < 1) throw new Error('--entries takes a whole number, 1 or more')

/** Runs a command; resolves with its wall time, stdout and peak RSS (VmHWM, sampled from /proc). */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } })
    let peakKb = 0
    let stdout = ''
    let stderr = ''
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (match) peakKb = Math.max(peakKb, Number(match[1]))
      } catch {
        // The process has just exited; the last sample stands.
      }
    }, 20)
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) reject(new Error(`trail ${args.join(' ')} exited ${code}: ${stderr}`))
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, stdout })
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'trail-bench-verify-'))
try {
  const env = { PERSISTENCE: 'sqlite', PERSIST_DB_PATH: join(dir, 'trail.db'), NODE_OPTIONS: '' }
  await run(['migrate'], env)
  const seedStarted = performance.now()
  seedSqlite(env.PERSIST_DB_PATH, dataset(entries), 0, entries)
  console.error(
    `seeded ${entries} chained entries in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  )
  const { seconds, peakMb, stdout } = await run(['audit', 'verify'], env)
  console.log(stdout.trim())
  console.log('| entries | seconds | entries/s | peak RSS |')
  console.log('| --- | --- | --- | --- |')
  console.log(
    `| ${entries} | ${seconds.toFixed(2)} | ${Math.round(entries / seconds).toLocaleString('en')} | ${peakMb.toFixed(0)} MB |`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
