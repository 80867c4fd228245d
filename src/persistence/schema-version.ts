/**
 * The schema version this code expects: the number of migrations in each dialect's folder under drizzle/.
 * Both dialects move in step (test/migrations checks it), so a dump from one backend loads into another.
 */
export const SCHEMA_VERSION = 2
