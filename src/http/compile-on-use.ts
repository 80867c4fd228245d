// Route schemas compiled on first use instead of at start-up. Fastify asks for a validator per route and
// request part and a serializer per route and status as each route is registered; compiling all of them
// (~30 response serializers, ~70 validators, and the JSON Schema meta-schema Ajv compiles before its
// first schema) was most of buildApp + ready, while a running server uses a few routes at a time.
// Each is compiled once, by the first request that needs it, or once the server listens, in the background:
// one per turn of the event loop, so a request waits for one compile at most. compileAll() compiles those
// still pending at once, so a test can show every schema compiles without a request to every route.

import type { Validate } from '../core/validation.js'

type Serialize = (doc: unknown) => string

export interface CompileOnUse {
  validator(compile: () => Validate): Validate
  serializer(compile: () => Serialize): Serialize
  /** Compiles every validator and serializer not used yet; returns how many it compiled. */
  compileAll(): number
  /** Compiles those not used yet one per turn of the event loop, until none is left or stop() is called. */
  compileInBackground(): void
  stop(): void
}

/** One per app: the pending compiles of that app's routes. */
export function compileOnUse(): CompileOnUse {
  const pending = new Set<() => unknown>()
  let background: NodeJS.Immediate | undefined
  let stopped = false

  function once<F>(compile: () => F): () => F {
    let compiled: F | undefined
    const get = () => {
      if (compiled === undefined) {
        compiled = compile()
        pending.delete(get)
      }
      return compiled
    }
    pending.add(get)
    return get
  }

  return {
    validator(compile) {
      const get = once(compile)
      const validate: Validate = (data) => {
        const compiled = get()
        const valid = compiled(data)
        validate.errors = compiled.errors
        return valid
      }
      return validate
    },
    serializer(compile) {
      const get = once(compile)
      return (doc) => get()(doc)
    },
    compileAll() {
      const left = [...pending]
      for (const get of left) get()
      return left.length
    },
    compileInBackground() {
      if (background !== undefined) return
      const next = () => {
        const [get] = pending
        if (get === undefined || stopped) return
        try {
          get()
        } catch {
          // Not tried again here: the request that needs it compiles it again and fails there, as it would.
          pending.delete(get)
        }
        background = setImmediate(next).unref()
      }
      background = setImmediate(next).unref()
    },
    stop() {
      stopped = true
      if (background !== undefined) clearImmediate(background)
    },
  }
}
