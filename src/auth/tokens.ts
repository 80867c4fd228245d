// API token secrets: 192 random bits behind a recognisable prefix, so a leaked secret is easy to spot in
// logs and by secret scanners. Only the SHA-256 of a secret is ever stored.
import { createHash, randomBytes } from 'node:crypto'

export const TOKEN_PREFIX = 'trail_'

export const newSecret = () => `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `90d`, `12h` or `30m` from `now`, as an ISO time; throws on anything else. */
export function expiryFrom(duration: string, now = Date.now()): string {
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(duration)
  if (!match) throw new Error(`--expires takes a duration like 90d, 12h or 30m, not "${duration}"`)
  return new Date(now + Number(match[1]) * (UNITS[match[2] as string] as number)).toISOString()
}

/** How long a rotated token keeps working beside its successor unless `--grace` says otherwise. */
export const DEFAULT_GRACE = '24h'

/** `--grace`: `0` (at once) or a duration like 24h, 30m or 7d, in milliseconds; throws on anything else. */
export function graceMs(duration: string): number {
  if (duration === '0') return 0
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(duration)
  if (!match) throw new Error(`--grace takes 0 or a duration like 24h, 30m or 7d, not "${duration}"`)
  return Number(match[1]) * (UNITS[match[2] as string] as number)
}
