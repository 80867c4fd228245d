// One delivery attempt: POST the audit entry as JSON to the webhook's URL, signed with the Standard Webhooks
// scheme (the `standardwebhooks` package: webhook-id, webhook-timestamp, webhook-signature), and say what the
// receiver did. Redirects are not followed (a 3xx is a failure), and the answer's body is read and dropped.
import type { Agent, IncomingMessage } from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import { Webhook as Signer } from 'standardwebhooks'
import { http } from '../core/node-http.js'
import type { AuditEntry } from '../domains/audit/schemas.js'
import type { AttemptResult } from '../domains/webhooks/rules.js'
import { isPublicAddress, parseWebhookUrl, publicOnlyLookup } from './address.js'

export interface SendOptions {
  timeoutMs: number
  allowPrivate: boolean
  /** Aborts the attempt (shutdown): it then fails with `STOPPED`. */
  signal?: AbortSignal
}

/** The error of an attempt cut short by `signal`: not the receiver's fault, so not an attempt to record. */
export const STOPPED = 'the worker stopped before the receiver answered'

/** The headers and body of a delivery of `entry` signed with `secret` at `timestamp`. */
export function signedDelivery(entry: AuditEntry, secret: string, timestamp: Date) {
  const body = JSON.stringify(entry)
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'trail-webhooks',
    'webhook-id': entry.id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Signer(secret).sign(entry.id, timestamp, body),
  }
  return { headers, body }
}

const failed = (error: string, responseStatus: number | null = null): AttemptResult => ({
  kind: 'failed',
  responseStatus,
  error,
})

/**
 * Connections are kept open between deliveries (a new one for every attempt was a third of a delivery's CPU).
 * The address check runs when a connection is made, so a kept connection goes where a check allowed. Idle
 * ones close after 4 s, before a receiver with Node's default 5 s keep-alive would close them under us.
 */
const IDLE_MS = 4000
const agents = new Map<string, Agent>()
/** The agent for a protocol and an address rule: a connection is only ever reused under the rule it was checked by. */
function agentFor(protocol: 'http:' | 'https:', allowPrivate: boolean): Agent {
  const key = `${protocol}${allowPrivate}`
  let agent = agents.get(key)
  if (agent === undefined) {
    const options = { keepAlive: true, timeout: IDLE_MS }
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options)
    agents.set(key, agent)
  }
  return agent
}

/** Sends `entry` to `url`; never throws: every failure is an AttemptResult. */
export function send(
  url: string,
  secret: string,
  entry: AuditEntry,
  options: SendOptions,
): Promise<AttemptResult> {
  let target: URL
  try {
    target = parseWebhookUrl(url)
  } catch (error) {
    return Promise.resolve(failed((error as Error).message))
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1')
  // An address written in the URL is never looked up, so the lookup below cannot check it.
  if (!options.allowPrivate && isIP(host) && !isPublicAddress(host))
    return Promise.resolve(failed(`${host} is not a public address`))
  const { headers, body } = signedDelivery(entry, secret, new Date())
  const protocol = target.protocol === 'https:' ? 'https:' : 'http:'
  const client = protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: AttemptResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', abort)
      resolve(result)
    }
    const start = (agent: Agent | false) => {
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          agent,
          ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        },
        answered,
      )
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept connection the receiver closed as this request went out: the receiver most likely never read
        // it, so it goes again at once on a new connection rather than waiting for the next retry (a
        // duplicate is within at-least-once).
        if (request.reusedSocket && error.code === 'ECONNRESET' && !settled) current = start(false)
        else finish(failed(`cannot reach the receiver: ${error.message}`))
      })
      request.end(body)
      return request
    }
    const answered = (response: IncomingMessage) => {
      const status = response.statusCode ?? 0
      response.resume()
      response.on('end', () => {
        if (status >= 200 && status < 300) finish({ kind: 'delivered', responseStatus: status })
        else if (status === 410) finish({ kind: 'gone', responseStatus: 410 })
        else finish(failed(`the receiver answered ${status}`, status))
      })
      response.on('error', (error) => finish(failed(`the answer broke off: ${error.message}`, status)))
    }
    const timer = setTimeout(() => {
      finish(failed(`no answer within ${options.timeoutMs} ms`))
      current.destroy()
    }, options.timeoutMs)
    const abort = () => {
      finish(failed(STOPPED))
      current.destroy()
    }
    // One signal serves every attempt of the worker: each attempt takes its listener away when it ends.
    options.signal?.addEventListener('abort', abort, { once: true })
    let current = start(agentFor(protocol, options.allowPrivate))
  })
}
