// Which receivers a webhook may reach. A URL must be http(s), and every address its host resolves to must be
// public unicast: loopback, private, link-local, multicast and the other special ranges (IPv4 and IPv6,
// IPv4-mapped IPv6 included) are refused unless WEBHOOK_ALLOW_PRIVATE=true. The check runs when a webhook is
// saved, and again on every delivery inside the connection's own DNS lookup, so a name that starts resolving
// to an internal address later (DNS rebinding) is refused at the moment of connecting.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns'
import { lookup } from 'node:dns/promises'
import { isIP, type LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { urlNotAllowed, validationFailed } from '../core/errors.js'

/** Whether an address is public unicast (ipaddr.js names every special-purpose range otherwise). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  // `process` turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast'
}

/** The URL, parsed, when it is http(s); a 400 when it does not parse, a 422 for another scheme. */
export function parseWebhookUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw validationFailed('url is not a valid URL', [{ path: '/body/url', message: 'is not a valid URL' }])
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw urlNotAllowed(`Webhook URLs must be http or https, not ${parsed.protocol.slice(0, -1)}`)
  return parsed
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1')

/**
 * Refuses (422 URL_NOT_ALLOWED) a URL trail must not send to: another scheme, a host that does not resolve, or
 * one that resolves to any address that is not public, unless private addresses are allowed.
 */
export async function checkWebhookUrl(url: string, allowPrivate: boolean): Promise<void> {
  const parsed = parseWebhookUrl(url)
  if (allowPrivate) return
  const host = hostOf(parsed)
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address)
  } catch {
    throw urlNotAllowed(`The host ${host} does not resolve`)
  }
  const refused = addresses.find((address) => !isPublicAddress(address))
  if (refused !== undefined)
    throw urlNotAllowed(
      `The host ${host} resolves to ${refused}, a loopback, private, link-local or multicast address; ` +
        'set WEBHOOK_ALLOW_PRIVATE=true to allow it',
    )
}

/**
 * A DNS lookup for http.request that fails, as the connection is made, when the host resolves to an address
 * that is not public: the check at delivery time, on the very addresses the socket would connect to.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0)
    const refused = addresses.find((entry) => !isPublicAddress(entry.address))
    if (refused !== undefined)
      return callback(
        new Error(`${hostname} resolves to ${refused.address}, which is not a public address`),
        '',
        0,
      )
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses)
    const [first] = addresses
    if (first === undefined) return callback(new Error(`${hostname} has no address`), '', 0)
    callback(null, first.address, first.family)
  })
}
