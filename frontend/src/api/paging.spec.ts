import { describe, expect, it } from 'vitest'
import { allPages, type PageOf } from './paging'

function server(total: number) {
  const asked: Array<{ page: number; size: number }> = []
  const rows = Array.from({ length: total }, (_, i) => i)
  const fetchPage = async (q: { page: number; size: number }): Promise<PageOf<number>> => {
    asked.push(q)
    return { items: rows.slice(q.page * q.size, (q.page + 1) * q.size), total, page: q.page, size: q.size }
  }
  return { asked, fetchPage }
}

describe('allPages', () => {
  it('reads every page until the total is reached', async () => {
    const s = server(5)
    expect(await allPages(s.fetchPage, 2)).toEqual([0, 1, 2, 3, 4])
    expect(s.asked).toEqual([
      { page: 0, size: 2 },
      { page: 1, size: 2 },
      { page: 2, size: 2 },
    ])
  })

  it('asks once when everything fits on the first page, and once for an empty list', async () => {
    const full = server(2)
    expect(await allPages(full.fetchPage, 2)).toEqual([0, 1])
    expect(full.asked).toHaveLength(1)
    const empty = server(0)
    expect(await allPages(empty.fetchPage)).toEqual([])
    expect(empty.asked).toEqual([{ page: 0, size: 200 }])
  })

  it('stops when a page comes back empty even if the total said more', async () => {
    let calls = 0
    const shrinking = async (q: { page: number; size: number }): Promise<PageOf<number>> => {
      calls++
      return { items: q.page === 0 ? [1] : [], total: 10, page: q.page, size: q.size }
    }
    expect(await allPages(shrinking, 1)).toEqual([1])
    expect(calls).toBe(2)
  })
})
