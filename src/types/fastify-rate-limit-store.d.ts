// @fastify/rate-limit's in-memory store, which the plugin's types do not declare as a module of its own: a
// fixed window per key in an LRU of `cache` keys. `incr` counts one request and answers through `callback`
// before it returns, never with an error: `current` requests so far in the key's window, which ends in `ttl` ms.
declare module '@fastify/rate-limit/store/LocalStore.js' {
  interface LocalStore {
    incr(
      key: string,
      callback: (error: null, counted: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void
  }
  const LocalStore: new (
    continueExceeding: boolean,
    exponentialBackoff: boolean,
    cache?: number,
  ) => LocalStore
  export default LocalStore
}
