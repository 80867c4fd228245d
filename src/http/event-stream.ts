// One Server-Sent Events stream over the audit trail, written on the raw response. The stream keeps only its
// position (the last seq it sent): each wake-up reads what follows from the database, page by page, so a
// wake-up that never comes costs latency (the heartbeat also reads), never an event. Back-pressure: after a
// write the socket refuses, nothing more is read until it drains, so a stream holds at most the socket's
// buffer plus one page of events; a client that takes nothing for `slowClientMs` is disconnected and resumes
// from its Last-Event-ID, out of the database. Retention may prune entries a stream has not read yet (a slow
// client's, or a filtered stream's whose next match is far ahead): before a page that does not start right
// after the stream's position is sent, the oldest kept entry is looked up, and if entries after the position
// are gone the stream ends instead of skipping them, so its reconnection from that position answers 410
// HISTORY_PRUNED.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { type OldestKept, prunedAfter } from '../domains/audit/history.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import type { AuditFeed, FeedFilter } from '../persistence/contract.js'

/** Entries read per query: enough to catch up quickly, few enough to keep one read short. */
const PAGE_SIZE = 200
/** How long an EventSource waits before reconnecting after the stream ends. */
const RECONNECT_MS = 1000

export interface EventStreamOptions {
  feed: AuditFeed
  /** Send the entries after this seq. */
  after: number
  filter: FeedFilter
  /** The event the client is sent for an entry (its role decides what it shows): see `eventFormatter`. */
  format(entry: AuditEntry): string
  heartbeatMs: number
  slowClientMs: number
  /** The oldest entry the trail still holds: retention may prune while the stream is open. */
  oldestKept(): Promise<OldestKept | undefined>
  /** Told when entries after the stream's position were pruned before it sent them; the stream then ends. */
  onHistoryPruned(lastSeq: number, oldestKeptSeq: number): void
  /** Told when reading the database fails; the stream then ends and the client resumes later. */
  onError(error: unknown): void
  /** Told when the client took nothing for `slowClientMs` and is disconnected. */
  onSlowClient(lastSeq: number): void
}

export interface EventStream {
  /** Ends the stream cleanly (shutdown): the client reconnects from its last id. */
  end(): void
  /** Resolves once the stream has ended, for whatever reason. */
  readonly ended: Promise<void>
}

/** One SSE event: `data` is JSON, which escapes every line break, so it is always one line. */
export const formatEvent = (entry: AuditEntry, data: unknown) =>
  `id: ${entry.seq}\nevent: ${entry.entity}.${entry.action}\ndata: ${JSON.stringify(data)}\n\n`

/**
 * The events of entries as `present` shows them, each made once per entry object: the streams woken by one
 * commit share the entries of one read (`sharedReads`), so each event is serialized once, not per stream.
 */
export function eventFormatter(present: (entry: AuditEntry) => unknown): (entry: AuditEntry) => string {
  const made = new WeakMap<AuditEntry, string>()
  return (entry) => {
    let text = made.get(entry)
    if (text === undefined) {
      text = formatEvent(entry, present(entry))
      made.set(entry, text)
    }
    return text
  }
}

/**
 * The feed with its reads shared: a commit wakes every stream at once (synchronously, one after the other),
 * and those that are caught up ask for the same page (same position, same filter) in that same moment; one
 * read answers them all. Only asks made in the same synchronous run share a read: an ask made later, after
 * another commit perhaps, gets a read of its own, so sharing never hides a newer entry.
 */
export function sharedReads(feed: AuditFeed): AuditFeed {
  const started = new Map<string, Promise<AuditEntry[]>>()
  return {
    onAppend: (listener) => feed.onAppend(listener),
    after(after, limit, filter) {
      const key = JSON.stringify([after, limit, filter.entity, filter.entityId, filter.action])
      let read = started.get(key)
      if (read === undefined) {
        read = feed.after(after, limit, filter)
        started.set(key, read)
        queueMicrotask(() => started.delete(key))
      }
      return read
    },
  }
}

export function startEventStream(
  raw: ServerResponse,
  headers: OutgoingHttpHeaders,
  options: EventStreamOptions,
): EventStream {
  const { feed, filter } = options
  let position = options.after
  let reading = false
  let readAgain = false
  let waitingForDrain = false
  let finished = false
  let heartbeat: NodeJS.Timeout | undefined
  let stopListening = () => {}
  let resolveEnded: () => void = () => {}
  const ended = new Promise<void>((resolve) => {
    resolveEnded = resolve
  })

  const finish = () => {
    if (finished) return
    finished = true
    clearInterval(heartbeat)
    stopListening()
    resolveEnded()
  }

  /** Resolves true once the socket drains, false when the client took nothing in time or went away. */
  const drained = () =>
    new Promise<boolean>((resolve) => {
      waitingForDrain = true
      const done = (ok: boolean) => {
        clearTimeout(timer)
        raw.off('drain', onDrain)
        raw.off('close', onClose)
        waitingForDrain = false
        resolve(ok)
      }
      const onDrain = () => done(true)
      const onClose = () => done(false)
      const timer = setTimeout(() => done(false), options.slowClientMs)
      raw.once('drain', onDrain)
      raw.once('close', onClose)
    })

  async function sendNew() {
    reading = true
    try {
      do {
        readAgain = false
        let page: AuditEntry[]
        do {
          page = await feed.after(position, PAGE_SIZE, filter)
          // A page that starts right after the position skipped nothing; one with a gap (usual when filtered)
          // may have skipped pruned entries. The horizon is read after the page, and only ever moves up, so if
          // it has not passed the position now, it had not when the page was read either.
          if (page[0] !== undefined && page[0].seq !== position + 1 && (await historyGone())) return
          const last = page.at(-1)
          if (last === undefined || finished) break
          // The page goes in one write: a socket write per event was most of what an open stream cost a commit.
          let events = ''
          for (const entry of page) events += options.format(entry)
          const accepted = raw.write(events)
          position = last.seq
          if (!accepted && !(await drained())) {
            // Too slow: what it has not taken stays in the database, where its reconnection reads it.
            finish()
            raw.destroy()
            options.onSlowClient(position)
            return
          }
        } while (page.length === PAGE_SIZE && !finished)
      } while (readAgain && !finished)
    } catch (error) {
      options.onError(error)
      end()
    } finally {
      reading = false
    }
  }

  /** Ends the stream, saying why in a comment, when entries after the position are no longer kept. */
  async function historyGone(): Promise<boolean> {
    const oldest = await options.oldestKept()
    if (!prunedAfter(position, oldest) || finished) return false
    raw.write(
      `: entries after ${position} were pruned; resuming from ${position} answers 410 HISTORY_PRUNED\n\n`,
    )
    options.onHistoryPruned(position, oldest.seq)
    end()
    return true
  }

  function wake() {
    if (finished) return
    if (reading) readAgain = true
    else void sendNew()
  }

  function end() {
    if (finished) return
    finish()
    // The socket goes too: a client that stopped reading would otherwise keep it (and a server's close) waiting.
    raw.end(() => raw.socket?.destroy())
  }

  raw.on('close', finish)
  // Writing to a socket the client reset reports an error here; 'close' follows and ends the stream.
  raw.on('error', () => {})
  raw.writeHead(200, headers)
  raw.write(`retry: ${RECONNECT_MS}\n\n`)
  stopListening = feed.onAppend(wake)
  heartbeat = setInterval(() => {
    // Nothing is added to a buffer the client is not taking.
    if (!waitingForDrain) raw.write(': ping\n\n')
    wake()
  }, options.heartbeatMs)
  wake()
  return { end, ended }
}
