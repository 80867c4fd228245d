/**
 * The schema version this code expects: the number of migrations in each dialect's folder under drizzle/.
 * Both dialects move in step (test/migrations checks it), so a dump from one backend loads into another.
 */
export const SCHEMA_VERSION = 6

/**
 * The schema version a dump's header names for a database at `schemaVersion`. A dump carries rows in the API's
 * shapes, not the tables', so a migration that only changes how rows are stored keeps the dump's version:
 * 0002 (assignees in a table of their own, list indexes) leaves dumps exactly as version 2 wrote them, so
 * dumps written before and after it are the same and load into either. 0003 (webhooks) adds tables no
 * dump carries yet (webhooks, with their secrets, are left out of dumps), so it keeps version 2 as well. From
 * 0004 on (design notes gain a status and a version) a dump names the schema version it was written at.
 */
export const dumpSchemaVersion = (schemaVersion: number) =>
  schemaVersion === 3 || schemaVersion === 4 ? 2 : schemaVersion

/** The schema version of the dumps this code writes and reads. */
export const DUMP_SCHEMA_VERSION = dumpSchemaVersion(SCHEMA_VERSION)
