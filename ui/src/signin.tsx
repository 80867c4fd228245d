// Sign-in: a name for X-Actor while the server is in open mode, or an API token (kept in sessionStorage
// only, sent only as Authorization).
import { useState } from 'preact/hooks'
import type { Me } from './access'
import { loadCredentials, saveCredentials } from './session'

export function SignIn(props: { me: Me | undefined; tokenRequired: boolean; onSignedIn: () => void }) {
  const stored = loadCredentials()
  const [name, setName] = useState(stored?.kind === 'name' ? stored.name : '')
  const [token, setToken] = useState('')
  const open = props.me?.mode === 'open' && !props.tokenRequired

  return (
    <section aria-labelledby="signin-title" class="signin">
      <h1 id="signin-title">Sign in</h1>
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            saveCredentials(name.trim() ? { kind: 'name', name: name.trim() } : undefined)
            props.onSignedIn()
          }}
        >
          <p>
            The server is in open mode: no token is needed. Your name is recorded as the actor of every
            change.
          </p>
          <label for="signin-name">Your name</label>
          <input
            id="signin-name"
            value={name}
            maxLength={200}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit">Use this name</button>
        </form>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!token.trim()) return
          saveCredentials({ kind: 'token', token: token.trim() })
          setToken('')
          props.onSignedIn()
        }}
      >
        <p>
          {props.tokenRequired
            ? 'This server needs an API token (from trail tokens create).'
            : 'Or sign in with an API token.'}{' '}
          It is kept for this browser tab only and sent only to this server.
        </p>
        <label for="signin-token">API token</label>
        <input
          id="signin-token"
          type="password"
          autoComplete="off"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <button type="submit">Sign in with token</button>
      </form>
      {stored ? (
        <button
          type="button"
          onClick={() => {
            saveCredentials(undefined)
            props.onSignedIn()
          }}
        >
          Sign out
        </button>
      ) : null}
    </section>
  )
}
