// Clients of GET /events for the tests: a real EventSource (the `eventsource` package) that collects every
// event, and a raw reader for what an EventSource hides (comments, the end of the stream).
import { EventSource } from 'eventsource'
import type { Test } from 'tap'
import { ACTIONS, ENTITIES } from '../../src/domains/audit/schemas.js'

export interface ReceivedEvent {
  id: number
  type: string
  data: Record<string, unknown>
}

export interface Follower {
  readonly events: ReceivedEvent[]
  /** Resolves once the stream is open (its first wake-up reads from the resume point). */
  opened: Promise<void>
  /** Resolves once at least `count` events have arrived; rejects after `timeoutMs`. */
  until(count: number, timeoutMs?: number): Promise<ReceivedEvent[]>
  close(): void
}

/** Follows `url` with an EventSource; `headers` go with every (re)connection, as a client library would send them. */
export function follow(t: Test, url: string, headers: Record<string, string> = {}): Follower {
  const events: ReceivedEvent[] = []
  const waiters = new Set<() => void>()
  const source = new EventSource(url, {
    fetch: (input, init) => {
      const merged = new Headers(init?.headers)
      for (const [name, value] of Object.entries(headers)) {
        // On a reconnection the library's own Last-Event-ID wins over the first one.
        if (!(name.toLowerCase() === 'last-event-id' && merged.has(name))) merged.set(name, value)
      }
      return fetch(input, { ...init, headers: merged })
    },
  })
  for (const entity of ENTITIES) {
    for (const action of ACTIONS) {
      source.addEventListener(`${entity}.${action}`, (event) => {
        events.push({ id: Number(event.lastEventId), type: event.type, data: JSON.parse(event.data) })
        for (const waiter of waiters) waiter()
      })
    }
  }
  t.teardown(() => source.close())
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve()
    source.onerror = (error) => {
      if (source.readyState === EventSource.CLOSED) reject(error)
    }
  })
  return {
    events,
    opened,
    until(count, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve([...events])
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`${events.length} of ${count} events after ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: () => source.close(),
  }
}

/** The complete events in raw SSE text (a cut-off one at the end is left out). */
export function parseEvents(text: string): ReceivedEvent[] {
  const blocks = text.split('\n\n')
  blocks.pop()
  return blocks.flatMap((block) => {
    const fields = Object.fromEntries(
      block
        .split('\n')
        .filter((line) => !line.startsWith(':'))
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
    )
    return fields.id === undefined
      ? []
      : [{ id: Number(fields.id), type: fields.event as string, data: JSON.parse(fields.data as string) }]
  })
}

/** The seqs of `events`, for comparing with the seqs that were written. */
export const ids = (events: ReceivedEvent[]) => events.map((event) => event.id)

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
