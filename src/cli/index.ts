#!/usr/bin/env node
// The `trail` command's entry point; the commands themselves are in commands.ts.
import 'dotenv/config'
import { setFlagsFromString } from 'node:v8'
import { runCli } from './commands.js'

// A command streams through far more data than it holds at once (a dump's batches, pages of the trail). V8 lets
// the old generation grow to several times the live data between full collections (65–78 MB over about 15 MB
// in a million-row import), which was most of a command's peak memory. Letting it grow by half at most keeps the
// peak nearer what is live: the PostgreSQL import's peak fell from 185–190 to 141–145 MB for about 6 % more CPU
// time (20 % took as much off for a third more CPU; bench/results/dump.md). V8 reads the flag at each
// collection, so setting it here, before any work, is in time.
setFlagsFromString('--heap-growing-percent=50')

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
})
