// Writes asked for together, run as one batch: each SQL store commits a batch in one transaction (group commit:
// sqlite/store.ts, postgres/apply.ts), so writes that arrive together (several requests, several webhooks
// answered at once) share one commit, while each caller still waits for its own write to commit.

/** What one write of a batch came to: a batch commits even when some of its writes failed on their own. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/**
 * A function whose calls go to `commit` in batches: the calls of one turn of the event loop, and, once
 * `maxInFlight` batches are being committed, every call made meanwhile in the next. Each call resolves to its
 * own result (`commit` returns them in the order of its batch, an `Outcome` each) once its batch committed;
 * should `commit` fail, every call of the batch fails with that error (none of it committed), as each on its
 * own would.
 */
export function coalescedWrites<A, R>(
  commit: (batch: A[]) => Promise<R[]>,
  maxInFlight = Number.POSITIVE_INFINITY,
): (args: A) => Promise<R> {
  let queued: { args: A; resolve: (result: R) => void; reject: (error: unknown) => void }[] = []
  let scheduled = false
  let inFlight = 0
  const schedule = () => {
    scheduled = true
    setImmediate(flush)
  }
  const flush = async () => {
    scheduled = false
    const batch = queued
    queued = []
    inFlight++
    try {
      const results = await commit(batch.map(({ args }) => args))
      for (const [i, { resolve }] of batch.entries()) resolve(results[i] as R)
    } catch (error) {
      for (const { reject } of batch) reject(error)
    } finally {
      inFlight--
      if (queued.length > 0 && !scheduled) schedule()
    }
  }
  return (args) =>
    new Promise<R>((resolve, reject) => {
      queued.push({ args, resolve, reject })
      if (!scheduled && inFlight < maxInFlight) schedule()
    })
}
