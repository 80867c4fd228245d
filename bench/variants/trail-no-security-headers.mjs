// trail without helmet's security headers (see without.mjs), to measure what setting them costs per request.
// npm run bench -- --backends sqlite --only get-task --trail-script bench/variants/trail-no-security-headers.mjs
import { startWithout } from './without.mjs'

await startWithout({ securityHeaders: true })
