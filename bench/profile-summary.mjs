#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by package and the hottest
// functions, so a route's gap to the reference can be put down to a layer (ORM, logger, validation, …).
// Samples before the server first goes idle (start-up: module loading, schema compilation) are left out
// unless --with-startup is given. `--requests N`, the requests the profiled server answered, adds each line's
// CPU µs per request, which compares across servers that answered different numbers of requests.
// usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--with-startup] [--requests N]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    'with-startup': { type: 'boolean', default: false },
    requests: { type: 'string' },
  },
})
if (positionals.length === 0) {
  console.error(
    'usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--with-startup] [--requests N]',
  )
  process.exit(2)
}

/** Where a frame's code lives: a package under node_modules, trail's own code, or Node/V8 itself. */
function owner(url) {
  if (!url) return '(native / V8)'
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (modules) return modules[1]
  if (url.includes('/dist/src/')) return `trail ${/\/dist\/src\/([^/]+(?:\/[^/]+)?)/.exec(url)?.[1] ?? ''}`
  // The bundle npm start runs: trail's code with TypeBox and Drizzle inlined (profile dist/src/server.js to
  // tell them apart).
  if (url.includes('/dist/server/')) return 'trail bundle (with typebox, drizzle-orm)'
  if (url.startsWith('node:')) return 'node core'
  return url.replace(/^file:\/\//, '')
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const intervals = profile.timeDeltas
  const idle = profile.nodes.find((node) => node.callFrame.functionName === '(idle)')?.id
  // Start-up ends where the server first spends 100 ms mostly idle (waiting for the first request).
  let first = 0
  if (!values['with-startup']) {
    const window = 100_000
    for (let i = 0, start = 0, idleTime = 0, time = 0; i < profile.samples.length; i++) {
      time += intervals[i] ?? 0
      if (profile.samples[i] === idle) idleTime += intervals[i] ?? 0
      if (time >= window) {
        if (idleTime >= 0.9 * time) {
          first = i
          break
        }
        start = i
        time = 0
        idleTime = 0
      }
      void start
    }
  }
  const self = new Map()
  for (let i = first; i < profile.samples.length; i++) {
    const id = profile.samples[i]
    self.set(id, (self.get(id) ?? 0) + (intervals[i] ?? 0))
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const byOwner = new Map()
  const byFunction = new Map()
  for (const [id, time] of self) {
    const { callFrame } = byId.get(id)
    const name = callFrame.functionName || '(anonymous)'
    const who = ['(idle)', '(program)', '(garbage collector)'].includes(name) ? name : owner(callFrame.url)
    byOwner.set(who, (byOwner.get(who) ?? 0) + time)
    const key = `${name}  ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${callFrame.lineNumber + 1}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + time)
  }
  const busy = total - (byOwner.get('(idle)') ?? 0)
  const requests = Number(values.requests ?? 0)
  const perRequest = (time) => (requests > 0 ? `  ${(time / requests).toFixed(1).padStart(6)} µs` : '')
  const pct = (time, of) => `${((100 * time) / of).toFixed(1).padStart(5)}%${perRequest(time)}`
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy${requests > 0 ? `, ${(busy / requests).toFixed(1)} µs per request` : ''}`,
  )
  console.log('\nself time by owner (% of busy time)')
  for (const [who, time] of [...byOwner].sort((a, b) => b[1] - a[1])) {
    if (who !== '(idle)') console.log(`  ${pct(time, busy)}  ${who}`)
  }
  console.log(`\nhottest functions (self, % of busy time)`)
  for (const [key, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    if (!key.startsWith('(idle)')) console.log(`  ${pct(time, busy)}  ${key}`)
  }
  console.log('')
}
