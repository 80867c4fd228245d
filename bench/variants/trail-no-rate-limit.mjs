// trail without its request budget (the rate limiter; see without.mjs), to measure what the budget costs per
// request.
// npm run bench -- --backends sqlite --only get-task --trail-script bench/variants/trail-no-rate-limit.mjs
import { startWithout } from './without.mjs'

await startWithout({ rateLimit: true })
