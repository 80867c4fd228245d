// Small pieces every view uses: a live message area, status badges, and a hook for a view's data.
import type { ComponentChildren } from 'preact'
import { type StateUpdater, useCallback, useEffect, useRef, useState } from 'preact/hooks'

/** A message that assistive technology announces: `alert` for failures, `status` for confirmations. */
export function Message(props: { kind: 'error' | 'info'; children: ComponentChildren }) {
  return (
    <p class={`message message-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  )
}

export function Badge(props: { value: string; label?: string }) {
  return (
    <span class={`badge badge-${props.value}`} title={props.label}>
      {props.value.replace('_', ' ')}
    </span>
  )
}

export const words = (value: string) => value.replace('_', ' ')

export const when = (iso: string) => new Date(iso).toLocaleString()

/**
 * Loads with `load` now and whenever `reload()` is called; `error` holds the failure's message. `setData` is
 * the view's own change (a task it just created, say). A load that was out when the view changed the data may
 * have been answered before that change reached the server, so its answer is not put over the change: the
 * data is loaded again instead.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setLoaded] = useState<T | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  const changes = useRef(0)
  const setData = useCallback((change: StateUpdater<T | undefined>) => {
    changes.current++
    setLoaded(change)
  }, [])
  useEffect(() => {
    let current = true
    const changesBefore = changes.current
    load().then(
      (value) => {
        if (!current) return
        if (changes.current !== changesBefore) reload()
        else {
          setLoaded(value)
          setError(undefined)
        }
      },
      (failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : String(failure))
      },
    )
    return () => {
      current = false
    }
  }, [...deps, generation])
  return { data, error, reload, setData }
}
