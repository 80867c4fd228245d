// The API client, typed by the API's own /openapi.json (openapi.d.ts is generated at build time by
// scripts/ui.mjs): a call to a path or method the API lacks does not compile, and so does not build.
import createClient from 'openapi-fetch'
import { credentialHeaders } from '../session'
import type { components, paths } from './openapi'

export type Schemas = components['schemas']
export type Problem = Schemas['Problem']

export const api = createClient<paths>({ baseUrl: location.origin })

api.use({
  onRequest({ request }) {
    for (const [name, value] of Object.entries(credentialHeaders())) request.headers.set(name, value)
    return request
  },
  onResponse({ request, response }) {
    // GET /me is how the app asks who it is: its own 401 is the answer, not a reason to ask again.
    const asksWho = new URL(request.url).pathname === '/me'
    if (!asksWho && (response.status === 401 || response.status === 403)) {
      // The app listens for these to show sign-in again, or to re-read what the role may do.
      window.dispatchEvent(new CustomEvent('trail:auth', { detail: response.status }))
    }
    return response
  },
})

/** `If-Match` for the version the user last saw. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` })

/** The sentence to show for a failed call: the problem's own detail, in words a person can act on. */
export function describeProblem(error: unknown, status: number): string {
  const problem = error as Partial<Problem> | undefined
  if (status === 403) return `Your role may not do this. ${problem?.detail ?? ''}`.trim()
  if (status === 401) return 'Sign in again: the server did not accept your token.'
  if (status === 429) return 'Too many requests: wait a moment and try again.'
  if (problem?.errors?.length) {
    return `${problem.detail ?? 'Invalid input'}: ${problem.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`
  }
  return problem?.detail ?? `The server answered ${status}.`
}

/** The JSON body of an operation's success answer. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never

export type Task = Ok<'/tasks/{id}', 'get'>
export type Bug = Ok<'/bugs/{id}', 'get'>
export type StatusUpdate = Ok<'/status-updates/{id}', 'get'>
export type DesignNote = Ok<'/design-notes/{id}', 'get'>
export type AuditEntry = Ok<'/audit-entries/{id}', 'get'>
