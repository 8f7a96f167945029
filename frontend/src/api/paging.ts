/** A page as every list endpoint returns it: the rows, the total of matches, and where the page is. */
export interface PageOf<T> {
  items: T[]
  total: number
  page: number
  size: number
}

/** The largest page the list endpoints serve (their `size` bound). */
export const MAX_PAGE_SIZE = 200

/**
 * Every row of a paged list, page after page: for pickers and summaries that must show all of a
 * (small) list. Tables with many rows page on the server instead.
 */
export async function allPages<T>(
  fetchPage: (query: { page: number; size: number }) => Promise<PageOf<T>>,
  size = MAX_PAGE_SIZE,
): Promise<T[]> {
  const items: T[] = []
  for (let page = 0; ; page++) {
    const p = await fetchPage({ page, size })
    items.push(...p.items)
    if (p.items.length === 0 || (page + 1) * size >= p.total) return items
  }
}
