import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import InternshipRating from './InternshipRating.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('InternshipRating', () => {
  it('asks for a rating once the internship ended and sends the stars and the comment', async () => {
    const stub = fetchStub((req) =>
      req.method === 'PUT'
        ? jsonResponse({ internshipId: 5, rateable: true, score: 4, comment: '收获很大', ratedAt: '2026-12-01T02:00:00Z' })
        : jsonResponse({ internshipId: 5, rateable: true, score: null, comment: null, ratedAt: null }),
    )
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(InternshipRating, { props: { internshipId: 5 } })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[data-testid="rating-submit"]').exists()).toBe(true)
    })
    await w.findAll('.van-rate__item')[3]!.trigger('click')
    await w.find('textarea').setValue('收获很大')
    await w.find('[data-testid="rating-submit"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(stub.calls.some((c) => c.method === 'PUT')).toBe(true)
    })
    const put = stub.calls.find((c) => c.method === 'PUT')!
    expect(new URL(put.url).pathname).toBe('/api/internships/5/rating')
    expect(await put.clone().json()).toEqual({ score: 4, comment: '收获很大' })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[data-testid="rating-submit"]').exists()).toBe(false)
    })
  })

  it('shows nothing while the internship is still running', async () => {
    vi.stubGlobal('fetch', fetchStub(() => jsonResponse({ internshipId: 6, rateable: false, score: null, comment: null, ratedAt: null })).fn)
    const w = mount(InternshipRating, { props: { internshipId: 6 } })
    await flushPromises()
    await flushPromises()
    expect(w.find('[data-testid="internship-rating"]').exists()).toBe(false)
  })
})
