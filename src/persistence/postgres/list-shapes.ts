// A list's statements by shape on PostgreSQL: which filters a request sets and whether it has a page key decide
// the SQL; the values go in as placeholders. Each shape's statement is built by Drizzle and parsed by PostgreSQL
// once, the first time it is asked for, then run by name (see statements.ts).
import { createHash } from 'node:crypto'
import { type Column, eq, type Placeholder, type SQL, sql } from 'drizzle-orm'
import type { CreatedKey } from '../../core/paging.js'
import type { PostgresDatabase } from './database.js'
import { afterValues } from './keyset.js'
import { fixedStatement, type Statement } from './statements.js'

/**
 * A list filter the request sets: its name (part of the statement's shape, and its placeholder's name), its
 * value, and its condition on that placeholder. A filter that takes no value (`state=active`) ignores it.
 */
export interface Filter {
  name: string
  value?: unknown
  condition(value: Placeholder): SQL
}

/** An equality filter, or none when the request leaves the field out. */
export const equals = (column: Column, value: unknown): Filter | undefined =>
  value === undefined ? undefined : { name: column.name, value, condition: (given) => eq(column, given) }

/** A list request: the list (and its order), the filters it sets, its page size and page key. */
export interface ListQuery {
  list: string
  filters: (Filter | undefined)[]
  limit: number
  after?: CreatedKey | undefined
}

/** A list query as Drizzle builds it, placeholders in place of its values. */
type Query = { prepare(name: string): never; execute(values: Record<string, unknown>): Promise<unknown[]> }

/** Builds a list's query from its filters' conditions (on their placeholders) and whether it has a page key. */
type Build = (conditions: SQL[], after: boolean) => unknown

/**
 * A list's statements, one per shape: the filters a request sets, and a page key or none. A text query (`q`) is
 * the exception: its statement is built and planned per request, for that text (a cached generic plan could
 * parse the text again for every row, see search.ts).
 */
export function createListShapes(db: PostgresDatabase) {
  const shapes = new Map<string, Statement<unknown[]>>()
  /** `limit + 1` rows of the list; `text` is the `q` condition when the request has one. */
  return (request: ListQuery, build: Build, text?: SQL): Promise<unknown[]> => {
    const filters = request.filters.filter((filter) => filter !== undefined)
    const after = request.after !== undefined
    const values = {
      limit: request.limit + 1,
      ...afterValues(request.after),
      ...Object.fromEntries(filters.map((filter) => [filter.name, filter.value])),
    }
    const query = () =>
      build(
        filters.map((filter) => filter.condition(sql.placeholder(filter.name))),
        after,
      ) as Query
    if (text !== undefined) return query().execute(values)
    const key = [request.list, ...filters.map((filter) => filter.name), after ? 'after' : ''].join(' ')
    let statement = shapes.get(key)
    if (statement === undefined) {
      // A name PostgreSQL keeps whole (63 bytes at most), the same for the same shape in every process.
      const name = `trail_list_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`
      statement = fixedStatement<unknown[]>(name, query())
      shapes.set(key, statement)
    }
    return statement(db, values)
  }
}
