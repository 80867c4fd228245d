// trail as dist/src/server.js starts it, but with Fastify's logger off, to measure what the logger costs per
// request even at `info`, where it writes no request lines (Fastify still makes a pino child per request).
// buildApp has no option for it, so Fastify's factory is wrapped in the module cache before app.js loads it.
// npm run bench -- --trail-script bench/variants/trail-no-logger.mjs
import { createRequire } from 'node:module'

const require = createRequire(new URL('../../dist/src/app.js', import.meta.url))
const fastify = require('fastify')
const quiet = (options = {}) => fastify({ ...options, logger: false })
Object.assign(quiet, fastify, { default: quiet, fastify: quiet })
require.cache[require.resolve('fastify')].exports = quiet

const { buildApp } = await import('../../dist/src/app.js')
const { loadConfig } = await import('../../dist/src/config.js')
const { serve } = await import('./serve.mjs')

const config = loadConfig()
const app = await buildApp(config)
await serve(app, config)
