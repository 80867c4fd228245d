import { asc, type Column, desc, gte, lte } from 'drizzle-orm'

/**
 * How a SQL backend finds one end of an audit time window: for `since` the oldest entry at or after the time,
 * for `until` the newest at or before it. `at` never goes backwards along seq (see writeTime), so the window is
 * the seq range between its two ends, looked up on the `at` index.
 */
export const auditWindowEnd = (
  end: 'since' | 'until',
  entries: { at: Column; seq: Column },
  time: unknown,
) =>
  end === 'since'
    ? { where: gte(entries.at, time), orderBy: [asc(entries.at), asc(entries.seq)] }
    : { where: lte(entries.at, time), orderBy: [desc(entries.at), desc(entries.seq)] }
