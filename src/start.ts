// What `npm start` runs (bundled as dist/server/server.js, scripts/bundle.mjs): the server (server.ts),
// loaded once Node's module compile cache is on, so that a start reuses the code V8 compiled for the bundle
// at an earlier one rather than compiling it again (docs/adr/0008-server-bundle.md has the figures). Node
// 22.1 and later have the cache (Node 20 has none, and this does nothing there). Node keeps it under
// os.tmpdir()/node-compile-cache or NODE_COMPILE_CACHE, checks it against each module's source, and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from 'node:module'

// @types/node 20, our oldest Node's, does not declare it.
const { enableCompileCache } = module as { enableCompileCache?: () => unknown }
enableCompileCache?.()
await import('./server.js')
