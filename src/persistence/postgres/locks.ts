// Advisory lock keys, in one place so no two uses collide. PostgreSQL's two-int form keeps trail's locks in a
// namespace of their own, apart from other applications sharing the server.
import { type SQL, sql } from 'drizzle-orm'

/** 'trai' in ASCII. */
const TRAIL_NAMESPACE = 0x74726169

const lockKey = (lock: number) => sql`${sql.raw(String(TRAIL_NAMESPACE))}, ${sql.raw(String(lock))}`

/** Held for a whole migration run, so instances starting together apply each migration once. */
export const MIGRATION_LOCK: SQL = lockKey(1)

/** Held from computing the next audit `seq` until commit, so seqs are gap-free and follow commit order. */
export const AUDIT_APPEND_LOCK: SQL = lockKey(2)

/** Held (session-level) by the instance running the daily audit retention, so only one instance prunes. */
export const RETENTION_LOCK: SQL = lockKey(3)
