// node:http, taken with `require`. On Node 22 and later an ES module's import of node:http reads every one
// of its exports, and the lazy WebSocket ones load Node's own copy of undici, which trail never uses: 27 ms
// of the server's start-up on Node 24 (nodejs/node#59686). A `require` leaves them unread. (node:https has
// no such exports.)
import { createRequire } from 'node:module'

export const http: typeof import('node:http') = createRequire(import.meta.url)('node:http')
