// Calls made within one turn of the event loop, run as one batch: the SQLite store commits a batch in one
// transaction (sqlite/store.ts), so writes that arrive together (several requests, several webhooks answered
// at once) share one commit, while each caller still waits for its own write to commit.

/**
 * A function whose calls within one turn of the event loop go to `commit` together; each resolves to its own
 * result (`commit` returns them in the order of its batch) once the batch committed. A failure fails every
 * call of the batch (none of it committed), as a failure of each on its own would.
 */
export function coalescedWrites<A, R>(commit: (batch: A[]) => Promise<R[]>): (args: A) => Promise<R> {
  let queued: { args: A; resolve: (result: R) => void; reject: (error: unknown) => void }[] = []
  const flush = async () => {
    const batch = queued
    queued = []
    try {
      const results = await commit(batch.map(({ args }) => args))
      for (const [i, { resolve }] of batch.entries()) resolve(results[i] as R)
    } catch (error) {
      for (const { reject } of batch) reject(error)
    }
  }
  return (args) =>
    new Promise<R>((resolve, reject) => {
      if (queued.length === 0) setImmediate(flush)
      queued.push({ args, resolve, reject })
    })
}
