// GET /events: the change feed, one Server-Sent Event per audit entry in seq order (src/http/event-stream.ts).
// Every role may follow it, since every role may read the entities it describes; only maintainers and admins
// (and everyone in open mode) see each entry's diff, as only they may read the audit trail itself.
import type { OutgoingHttpHeaders } from 'node:http'
import { Type } from '@sinclair/typebox'
import { ROLE_RANK } from '../auth/roles.js'
import { feedHistoryPruned, serviceUnavailable, validationFailed } from '../core/errors.js'
import { prunedAfter } from '../domains/audit/history.js'
import { ACTIONS, type AuditEntry, ENTITIES } from '../domains/audit/schemas.js'
import { type EventStream, eventFormatter, sharedReads, startEventStream } from '../http/event-stream.js'
import { resourcePlugin } from '../http/resource.js'
import { problems } from '../http/schemas.js'
import type { FeedFilter } from '../persistence/contract.js'

const MAX_SEQ = 2_147_483_647
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

/** A query parameter that may be repeated, each value a comma-separated list of `item`. */
const ListOf = (item: string, description: string) =>
  Type.Optional(
    Type.Array(Type.String({ pattern: `^${item}(?:,${item})*$`, maxLength: 2000 }), {
      maxItems: 50,
      description,
    }),
  )

const EventsQuery = Type.Object(
  {
    after: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_SEQ,
        description: 'Send the entries after this seq; Last-Event-ID, when sent, wins',
      }),
    ),
    entity: ListOf(`(?:${ENTITIES.join('|')})`, 'Only these entities (repeat or separate with commas)'),
    entityId: ListOf(`${UUID}`, 'Only these entity ids (repeat or separate with commas)'),
    action: ListOf(`(?:${ACTIONS.join('|')})`, 'Only these actions (repeat or separate with commas)'),
  },
  { additionalProperties: false },
)

/** The values of a repeatable, comma-separated parameter; undefined when absent (no filter). */
const values = <T extends string>(params: string[] | undefined): T[] | undefined =>
  params === undefined
    ? undefined
    : [...new Set(params.flatMap((param) => param.split(',')))].map((v) => v as T)

/** The seq in a Last-Event-ID header, or undefined without one. */
function lastEventId(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0] : header
  const seq = value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN
  if (!(seq <= MAX_SEQ))
    throw validationFailed('Last-Event-ID must be the id of an event: a seq from 0 to 2147483647', [
      { path: '/headers/last-event-id', message: 'is not a seq' },
    ])
  return seq
}

const withoutDiff = ({ diff: _, ...entry }: AuditEntry) => entry

export interface EventsOptions {
  maxStreams: number
  heartbeatMs: number
  slowClientMs: number
}

export default resourcePlugin<EventsOptions>('events', async (app, options) => {
  const { audit } = app.repos
  const feed = sharedReads(app.repos.feed)
  // One formatter per presentation, shared by the streams: each event is serialized once per role's view.
  const fullEvent = eventFormatter((entry) => entry)
  const eventWithoutDiff = eventFormatter(withoutDiff)
  const streams = new Set<EventStream>()
  // Counted from the moment a request is admitted, before its first await, so a burst cannot pass the cap.
  let admitted = 0

  // Before the server stops accepting: open streams end cleanly, so closing never waits on them.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end()
  })

  app.route({
    method: 'GET',
    url: '/',
    exposeHeadRoute: false,
    schema: {
      tags: ['events'],
      operationId: 'streamEvents',
      summary: 'Follow every change: one Server-Sent Event per audit entry, in seq order',
      description:
        'Resume with the `Last-Event-ID` header or `?after=` (strictly after); with neither the stream starts ' +
        'at the head. Each event is `id: <seq>`, `event: <entity>.<action>`, `data: <entry JSON>` (without ' +
        '`diff` below the maintainer role); a `: ping` comment comes at least every 15 s.',
      querystring: EventsQuery,
      response: {
        200: {
          description: 'An endless text/event-stream',
          content: { 'text/event-stream': { schema: Type.String() } },
        },
        ...problems(400, 410, 500, 503),
      },
    },
    config: { access: 'viewer' },
    async handler(request, reply) {
      if (admitted >= options.maxStreams)
        throw serviceUnavailable(`This instance already serves ${options.maxStreams} event streams`, 5)
      const resumeFrom = lastEventId(request.headers['last-event-id']) ?? request.query.after
      admitted++
      let stream: EventStream | undefined
      try {
        const [oldest, head] = await Promise.all([audit.oldestKept(), audit.head()])
        // Resuming after `oldest - 1` still misses nothing; an earlier resume point would.
        if (resumeFrom !== undefined && prunedAfter(resumeFrom, oldest))
          throw feedHistoryPruned(resumeFrom, oldest.seq)
        const fullEntries = request.role === undefined || ROLE_RANK[request.role] >= ROLE_RANK.maintainer
        const filter: FeedFilter = {
          entity: values(request.query.entity),
          entityId: values(request.query.entityId),
          action: values(request.query.action),
        }
        reply.hijack()
        stream = startEventStream(
          reply.raw,
          {
            // What the hooks set so far: security headers, CORS, rate-limit counters.
            ...reply.getHeaders(),
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            'x-accel-buffering': 'no',
            // A stream's connection is never reused: once it ends (at shutdown too) the socket goes with it,
            // instead of idling as keep-alive until keepAliveTimeout holds server.close() up for 72 s.
            connection: 'close',
          } as OutgoingHttpHeaders,
          {
            feed,
            after: resumeFrom ?? head?.seq ?? 0,
            filter,
            format: fullEntries ? fullEvent : eventWithoutDiff,
            heartbeatMs: options.heartbeatMs,
            slowClientMs: options.slowClientMs,
            // Retention may prune what an open stream has not read yet; the stream then ends (see event-stream.ts).
            oldestKept: () => audit.oldestKept(),
            onHistoryPruned: (seq, oldestSeq) =>
              request.log.warn(
                { seq, oldestKeptSeq: oldestSeq },
                'event stream ended: entries it had not sent yet were pruned; its reconnection answers 410',
              ),
            onError: (error) => request.log.error({ err: error }, 'event stream ended: reading failed'),
            onSlowClient: (seq) =>
              request.log.warn(
                { seq },
                'event stream client too slow: disconnected; it resumes from its last id',
              ),
          },
        )
      } finally {
        if (stream === undefined) admitted--
      }
      streams.add(stream)
      void stream.ended.then(() => {
        streams.delete(stream)
        admitted--
      })
    },
  })
})
