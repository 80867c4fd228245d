// trail as dist/src/server.js starts it, but with the open-mode check answered from memory: the auth hook asks
// `repos.tokens.exists()` on every request while no token exists (one more query per request, a network round
// trip on PostgreSQL). Here the first answer is kept, which is right for a bench that creates no token.
// npm run bench -- --trail-script bench/variants/trail-open-mode-cached.mjs
const { buildApp } = await import('../../dist/src/app.js')
const { loadConfig } = await import('../../dist/src/config.js')
const { serve } = await import('./serve.mjs')

const config = loadConfig()
const app = await buildApp(config)
const tokens = app.repos.tokens
const exists = tokens.exists.bind(tokens)
let known
tokens.exists = async () => (known ??= await exists())
await serve(app, config)
