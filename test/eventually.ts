// Waiting for what another process, a worker or a timer does: ask again, paced, until it holds, and give up
// with a name after a deadline. One helper, so no test polls in an unpaced loop or waits forever.
import { setTimeout as delay } from 'node:timers/promises'

export interface EventuallyOptions {
  /** How long to keep asking (default 30 s). */
  timeoutMs?: number
  /** The pause between two questions (default 20 ms). */
  intervalMs?: number
}

/** Resolves once `check` answers true; rejects with "timed out waiting for `what`" after the deadline. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = 30_000, intervalMs = 20 }: EventuallyOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(intervalMs)
  }
}
