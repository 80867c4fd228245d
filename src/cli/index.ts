#!/usr/bin/env node
// The `trail` command's entry point; the commands themselves are in commands.ts.
import 'dotenv/config'
import { runCli } from './commands.js'

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
})
