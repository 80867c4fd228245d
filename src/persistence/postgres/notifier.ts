// Hears other instances' commits: one dedicated connection that LISTENs on AUDIT_CHANNEL while any change feed
// is open, and connects again when it is lost. A NOTIFY sent while it was away is not replayed by the server,
// so every (re)connection wakes the feeds once: they read from their last seq and miss nothing. A NOTIFY this
// instance sent itself is dropped: its feeds were woken by the commit, and hearing it again cost every open
// stream a second read per write.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createAppendSignal } from '../append-signal.js'
import type { RemoteAppends } from './feed.js'

/** The channel every audited write notifies, inside its transaction (so only once it commits). */
export const AUDIT_CHANNEL = 'trail_audit'

const RECONNECT_MIN_MS = 100
const RECONNECT_MAX_MS = 5_000

export function listenForAppends(url: string): RemoteAppends {
  const origin = randomUUID()
  let client: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let pause = RECONNECT_MIN_MS
  let wanted = false
  let closed = false

  const disconnect = () => {
    clearTimeout(retry)
    retry = undefined
    const current = client
    client = undefined
    current?.removeAllListeners('notification')
    // Ending a broken connection may itself fail; it is being dropped either way.
    current?.end().catch(() => {})
  }

  const reconnectLater = () => {
    disconnect()
    if (!wanted || closed) return
    retry = setTimeout(connect, pause)
    retry.unref()
    pause = Math.min(pause * 2, RECONNECT_MAX_MS)
  }

  async function connect() {
    if (!wanted || closed || client !== undefined) return
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'trail-feed' })
    client = next
    // Unheard, a lost connection's 'error' would crash the process.
    next.on('error', () => {
      if (client === next) reconnectLater()
    })
    next.on('end', () => {
      if (client === next) reconnectLater()
    })
    next.on('notification', (message) => {
      if (message.payload !== origin) signal.notify()
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${AUDIT_CHANNEL}`)
    } catch {
      if (client === next) reconnectLater()
      return
    }
    pause = RECONNECT_MIN_MS
    signal.notify()
  }

  const signal = createAppendSignal({
    first() {
      wanted = true
      void connect()
    },
    last() {
      wanted = false
      disconnect()
    },
  })

  return {
    origin,
    subscribe: signal.subscribe,
    async close() {
      closed = true
      wanted = false
      disconnect()
    },
  }
}
