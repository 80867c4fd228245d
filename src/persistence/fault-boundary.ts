// What both SQL backends' error boundaries (sqlite/errors.ts, postgres/errors.ts) share: every method of a
// repository passes its failures through the backend's own translation, so a fault becomes a 503 however the
// method was reached.

/** A repository: an object of async methods. */
export type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> }

/** The same repository, each method's failure replaced by `toFailure(failure)`. */
export function guardMethods<T extends AsyncMethods<T>>(
  repository: T,
  toFailure: (error: unknown) => unknown,
): T {
  const guarded: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(repository) as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][]) {
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method(...args)
      } catch (error) {
        throw toFailure(error)
      }
    }
  }
  return guarded as T
}
