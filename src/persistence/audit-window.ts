import { type Column, type SQL, sql, type Table } from 'drizzle-orm'

/**
 * One end of an audit time window as a seq, in SQL either dialect runs: for `since` the oldest entry at or after
 * the time, for `until` the newest at or before it (NULL when none qualifies, so the window is empty). `at` never
 * goes backwards along seq (see writeTime), so the window is the seq range between its two ends, each looked up
 * on the `at` index, and a list walks seq between them wherever the window lies.
 */
export const auditWindowEnd = (
  end: 'since' | 'until',
  entries: Table & { at: Column; seq: Column },
  time: unknown,
): SQL =>
  end === 'since'
    ? sql`(select ${entries.seq} from ${entries} where ${entries.at} >= ${time} order by ${entries.at} asc, ${entries.seq} asc limit 1)`
    : sql`(select ${entries.seq} from ${entries} where ${entries.at} <= ${time} order by ${entries.at} desc, ${entries.seq} desc limit 1)`
