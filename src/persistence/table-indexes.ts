// How both dialects' tables index their lists, written once: each tables.ts hands in its own `index` builder
// and column type, and gets the same index names on the same columns.

/** A dialect's `index(name).on(...columns)`. */
type IndexBuilder<Column, Index> = (name: string) => { on(...columns: [Column, ...Column[]]): Index }

export function listIndexes<Column, Index>(index: IndexBuilder<Column, Index>) {
  /**
   * One index per list filter, `<table>_<filter>_idx` on (the filter's column, then the list's order), so a
   * filtered list is one index search that also yields the list's order.
   */
  const filterIndexes = (table: string, order: Column[], filters: Record<string, Column>) =>
    Object.entries(filters).map(([filter, column]) => index(`${table}_${filter}_idx`).on(column, ...order))

  /** A newest-first list's indexes: `<table>_created_idx` on (created_at, id), then one per filter. */
  const newestFirstIndexes = (
    table: string,
    t: { createdAt: Column; id: Column },
    filters: Record<string, Column> = {},
  ) => [
    index(`${table}_created_idx`).on(t.createdAt, t.id),
    ...filterIndexes(table, [t.createdAt, t.id], filters),
  ]

  return { filterIndexes, newestFirstIndexes }
}
