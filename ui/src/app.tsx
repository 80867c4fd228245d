// The shell: who is signed in (GET /me), the navigation, and the view the URL's hash names (#/board, …).
import { useEffect, useState } from 'preact/hooks'
import { allows, type Me } from './access'
import { api, describeProblem } from './api/client'
import { Message } from './components'
import { SignIn } from './signin'
import { VIEWS } from './views'

const currentPath = () => location.hash.replace(/^#\/?/, '').split('?')[0] || 'board'

export function App() {
  const [path, setPath] = useState(currentPath())
  const [me, setMe] = useState<Me | undefined>(undefined)
  const [needsToken, setNeedsToken] = useState(false)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const onHash = () => setPath(currentPath())
    // 401: the token is gone or revoked; 403: re-read the role, so hidden controls match it again.
    const onAuth = () => setGeneration((n) => n + 1)
    window.addEventListener('hashchange', onHash)
    window.addEventListener('trail:auth', onAuth)
    return () => {
      window.removeEventListener('hashchange', onHash)
      window.removeEventListener('trail:auth', onAuth)
    }
  }, [])

  useEffect(() => {
    api.GET('/me').then(({ data, error, response }) => {
      if (data) {
        setMe(data)
        setNeedsToken(false)
        setFailure(undefined)
      } else if (response.status === 401) {
        setMe(undefined)
        setNeedsToken(true)
      } else setFailure(describeProblem(error, response.status))
    })
  }, [generation])

  const signedIn = () => {
    setGeneration((n) => n + 1)
    location.hash = '#/board'
  }
  const showSignIn = path === 'signin' || (needsToken && me === undefined)
  const view = VIEWS.find((v) => v.path === path)

  useEffect(() => {
    document.title = `${showSignIn ? 'Sign in' : (view?.label ?? 'Not found')} · trail`
    document.getElementById('main')?.focus()
  }, [path, showSignIn, view])

  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <span class="brand">trail</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.filter((v) => v.inNavigation !== false && (me === undefined || allows(me, v.needs))).map(
              (v) => (
                <li key={v.path}>
                  <a href={`#/${v.path}`} aria-current={v.path === path && !showSignIn ? 'page' : undefined}>
                    {v.label}
                  </a>
                </li>
              ),
            )}
          </ul>
        </nav>
        <p class="who">
          {me ? (
            <>
              {me.actor} <span class="role">{me.mode === 'open' ? 'open mode' : me.role}</span>{' '}
            </>
          ) : null}
          <a href="#/signin" aria-current={showSignIn ? 'page' : undefined}>
            {me?.mode === 'token' ? 'Switch token' : 'Sign in'}
          </a>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        {failure ? <Message kind="error">{failure}</Message> : null}
        {showSignIn ? (
          <SignIn me={me} tokenRequired={needsToken} onSignedIn={signedIn} />
        ) : me === undefined ? (
          <p>Loading…</p>
        ) : view === undefined ? (
          <Message kind="error">There is no view called “{path}”.</Message>
        ) : !allows(me, view.needs) ? (
          <Message kind="error">
            The {view.label.toLowerCase()} needs the {view.needs} role; you are {me.role}.
          </Message>
        ) : (
          <view.component me={me} />
        )}
      </main>
    </>
  )
}
