// trail as dist/src/server.js starts it, without some of the per-request layers the contract keeps, to measure
// what each costs: `rateLimit` turns the request budget off (RATE_LIMIT_MAX=0 does the same, but the bench
// raises it for every trail it starts), `securityHeaders` makes helmet set nothing (its module replaced by one
// that calls next, through Node's module hooks, so src/ is unchanged).
import { register } from 'node:module'

export async function startWithout({ rateLimit = false, securityHeaders = false }) {
  if (securityHeaders) register('./no-helmet-hooks.mjs', import.meta.url)
  const { buildApp } = await import('../../dist/src/app.js')
  const { loadConfig } = await import('../../dist/src/config.js')
  const { serve } = await import('./serve.mjs')
  const loaded = loadConfig()
  const config = {
    ...loaded,
    // As src/server.ts runs it.
    sqlite: { ...loaded.sqlite, checkpointInBackground: true },
    rateLimit: rateLimit ? { ...loaded.rateLimit, perWindow: 0 } : loaded.rateLimit,
  }
  await serve(await buildApp(config), config)
}
