// Small pieces every view uses: a live message area, status badges, and a hook for a view's data.
import type { ComponentChildren } from 'preact'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

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

/** A view's change to its data, given what it holds now. */
type Change<T> = (data: T | undefined) => T | undefined

/**
 * Loads with `load` now and whenever `reload()` is called; `error` holds the failure's message. `setData` is
 * the view's own change (a task it just created, an event it was told of). An answer to a load that was out
 * when the view made a change may have been read before that change reached the server, so the changes made
 * meanwhile are applied to the answer again rather than lost under it: each must be one that may be applied
 * twice (an upsert by id, not a blind prepend), since the answer may already hold it.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setLoaded] = useState<T | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  /** The view's changes since the latest load started, while it is out; none are kept once it is answered. */
  const changes = useRef<Change<T>[] | undefined>(undefined)
  const setData = useCallback((change: Change<T>) => {
    changes.current?.push(change)
    setLoaded(change)
  }, [])
  useEffect(() => {
    let current = true
    const meanwhile: Change<T>[] = []
    changes.current = meanwhile
    load().then(
      (value) => {
        if (!current) return
        changes.current = undefined
        setLoaded(meanwhile.reduce<T | undefined>((answer, change) => change(answer), value))
        setError(undefined)
      },
      (failure: unknown) => {
        if (!current) return
        changes.current = undefined
        setError(failure instanceof Error ? failure.message : String(failure))
      },
    )
    return () => {
      current = false
    }
  }, [...deps, generation])
  return { data, error, reload, setData }
}
