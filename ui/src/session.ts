// Who the browser acts as: a name for X-Actor (open mode) or an API token. Kept in sessionStorage only, so it
// ends with the tab; never a cookie (the API never reads one) nor localStorage.
export type Credentials = { kind: 'token'; token: string } | { kind: 'name'; name: string }

const KEY = 'trail.credentials'

export function loadCredentials(): Credentials | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Credentials | null
    if (stored?.kind === 'token' && typeof stored.token === 'string') return stored
    if (stored?.kind === 'name' && typeof stored.name === 'string') return stored
  } catch {}
  return undefined
}

export function saveCredentials(credentials: Credentials | undefined) {
  if (credentials === undefined) sessionStorage.removeItem(KEY)
  else sessionStorage.setItem(KEY, JSON.stringify(credentials))
}

/**
 * A header value carries bytes; the server reads X-Actor as UTF-8, so a name such as `café` is sent as its
 * UTF-8 bytes, one Latin-1 character each (fetch refuses characters above U+00FF).
 */
export function headerText(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text))
}

/** The headers that say who is acting: only Authorization for a token, only X-Actor for a name. */
export function credentialHeaders(credentials = loadCredentials()): Record<string, string> {
  if (credentials?.kind === 'token') return { authorization: `Bearer ${credentials.token}` }
  if (credentials?.kind === 'name') return { 'x-actor': headerText(credentials.name) }
  return {}
}
