// trail without its request budget and without helmet's security headers (see without.mjs): the two
// together.
// npm run bench -- --backends sqlite --only get-task --trail-script bench/variants/trail-no-rate-limit-no-security-headers.mjs
import { startWithout } from './without.mjs'

await startWithout({ rateLimit: true, securityHeaders: true })
