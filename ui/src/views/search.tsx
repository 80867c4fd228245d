// Search (GET /search): one box, results across tasks, bugs, status updates and design notes, best first.
import { useState } from 'preact/hooks'
import { api, describeProblem } from '../api/client'
import { Badge, Message, when, words } from '../components'

const LINKS: Record<string, string> = {
  task: '#/board',
  bug: '#/bugs',
  status_update: '#/updates',
  design_note: '#/notes',
}

export function SearchView() {
  const [q, setQ] = useState('')
  const [results, setResults] = useState<
    { type: string; id: string; title: string; snippet: string; createdAt: string }[] | undefined
  >()
  const [problem, setProblem] = useState<string | undefined>()
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <search>
        <form
          onSubmit={async (e) => {
            e.preventDefault()
            if (!q.trim()) return
            const { data, error, response } = await api.GET('/search', {
              params: { query: { q: q.trim(), limit: 50 } },
            })
            if (data) {
              setResults(data.items)
              setProblem(undefined)
            } else setProblem(describeProblem(error, response.status))
          }}
        >
          <label for="search-q">Search everything</label>
          <input id="search-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
      </search>
      {problem ? <Message kind="error">{problem}</Message> : null}
      {results?.length === 0 ? <p role="status">Nothing matches “{q}”.</p> : null}
      <ol class="results">
        {(results ?? []).map((hit) => (
          <li key={`${hit.type}-${hit.id}`}>
            <Badge value={hit.type} /> <a href={LINKS[hit.type] ?? '#/board'}>{hit.title}</a>{' '}
            <time dateTime={hit.createdAt}>{when(hit.createdAt)}</time>
            {/* The snippet is text: shown as such, never parsed as HTML. */}
            <p class="snippet">{hit.snippet}</p>
            <span class="visually-hidden">{words(hit.type)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
