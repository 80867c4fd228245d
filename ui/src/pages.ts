// Reads every page of a list (up to `max` items): the board and the note log show a whole set at once.
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 1000,
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  do {
    const next = await page(cursor)
    items.push(...next.items)
    cursor = next.nextCursor ?? undefined
  } while (cursor !== undefined && items.length < max)
  return items
}

/** Throws the problem's message, so `useLoad` shows it. */
export function orThrow<T>(
  result: { data?: T; error?: unknown; response: Response },
  describe: (e: unknown, s: number) => string,
): T {
  if (result.data === undefined) throw new Error(describe(result.error, result.response.status))
  return result.data
}
