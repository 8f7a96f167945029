import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { usePagedList } from './usePagedList'

describe('usePagedList', () => {
  it('asks the API for the 0-based page of the 1-based pager and keeps items and total', async () => {
    const fetchPage = vi.fn(async (page: number, size: number) => ({ items: [`p${page}s${size}`], total: '41' }))
    const list = usePagedList(fetchPage, 20)
    list.page.value = 3
    await list.load()
    expect(fetchPage).toHaveBeenCalledWith(2, 20)
    expect(list.items.value).toEqual(['p2s20'])
    expect(list.total.value).toBe(41)
    expect(list.loading.value).toBe(false)
  })

  it('goes back to the first page on reload', async () => {
    const fetchPage = vi.fn(async () => ({ items: [], total: 0 }))
    const list = usePagedList(fetchPage)
    list.page.value = 5
    await list.reload()
    expect(list.page.value).toBe(1)
    expect(fetchPage).toHaveBeenLastCalledWith(0, 20)
  })

  it('shows the problem of a refused page and clears it on the next success', async () => {
    const fetchPage = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(403, { status: 403, detail: '无权查看' }))
      .mockResolvedValueOnce({ items: [1], total: 1 })
    const list = usePagedList<number>(fetchPage)
    await list.load()
    expect(list.error.value).toBe('无权查看')
    expect(list.loading.value).toBe(false)
    await list.load()
    expect(list.error.value).toBe('')
    expect(list.items.value).toEqual([1])
  })

  it('keeps the answer of the latest request when an earlier one arrives later', async () => {
    const answers: ((v: { items: string[]; total: number }) => void)[] = []
    const list = usePagedList<string>(() => new Promise((resolve) => answers.push(resolve)))
    const first = list.load()
    const second = list.reload()
    answers[1]!({ items: ['new'], total: 1 })
    await second
    answers[0]!({ items: ['old'], total: 9 })
    await first
    expect(list.items.value).toEqual(['new'])
    expect(list.total.value).toBe(1)
    expect(list.loading.value).toBe(false)
  })
})
