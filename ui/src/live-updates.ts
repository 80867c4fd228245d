// The change feed (GET /events, Server-Sent Events) for the page: new audit entries as they commit.
// Read with fetch() rather than EventSource, which cannot send Authorization; resumes from the last id
// it saw (Last-Event-ID) after a drop, waiting a little longer each time, up to 30 s.
import { useEffect, useRef } from 'preact/hooks'
import { credentialHeaders } from './session'

export interface FeedEvent {
  id: string
  event: string
  data: { seq: number; entity: string; entityId: string; action: string; actor: string; at: string }
}

export interface FeedFilter {
  entity?: string
  entityId?: string
  action?: string
}

/** Splits an event-stream into events (the WHATWG "event stream interpretation", without retry). */
export function parseEvents(buffer: string): { events: FeedEvent[]; rest: string } {
  const events: FeedEvent[] = []
  const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/)
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let id = ''
    let event = 'message'
    const data: string[] = []
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'id') id = value
      else if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
    if (data.length) events.push({ id, event, data: JSON.parse(data.join('\n')) })
  }
  return { events, rest }
}

async function openStream(filter: FeedFilter, lastId: string | undefined, signal: AbortSignal) {
  const query = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][],
  )
  return fetch(`/events?${query}`, {
    headers: {
      accept: 'text/event-stream',
      ...credentialHeaders(),
      ...(lastId ? { 'last-event-id': lastId } : {}),
    },
    signal,
  })
}

/**
 * Calls `onEvent` for each new entry matching `filter` while the component is mounted. The first stream
 * starts at the head, so `onConnected` runs once it is open: a page re-reads there what was committed
 * between its first load and that moment.
 */
export function useLiveEntries(
  filter: FeedFilter,
  onEvent: (event: FeedEvent) => void,
  onConnected?: () => void,
) {
  const key = JSON.stringify(filter)
  // The latest callbacks, so a re-render never restarts the stream.
  const handlers = useRef({ onEvent, onConnected })
  handlers.current = { onEvent, onConnected }
  useEffect(() => {
    const abort = new AbortController()
    let lastId: string | undefined
    let delay = 1000
    const run = async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await openStream(filter, lastId, abort.signal)
          if (response.status === 410) lastId = undefined // resume point pruned: start from the head
          if (response.ok && response.body) {
            delay = 1000
            if (lastId === undefined) handlers.current.onConnected?.()
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
            let buffer = ''
            for (;;) {
              const { value, done } = await reader.read()
              if (done) break
              const { events, rest } = parseEvents(buffer + value)
              buffer = rest
              for (const event of events) {
                lastId = event.id
                handlers.current.onEvent(event)
              }
            }
          }
        } catch {
          if (abort.signal.aborted) return
        }
        await new Promise((resolve) => setTimeout(resolve, delay))
        delay = Math.min(delay * 2, 30_000)
      }
    }
    void run()
    return () => abort.abort()
  }, [key])
}
