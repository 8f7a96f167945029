import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ServiceRatePage from './ServiceRatePage.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { ServiceRate } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

async function mountWith(rate: ServiceRate) {
  const stub = fetchStub(() => jsonResponse(rate))
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore(pinia).$patch({ token: 'tok', user: user('CITY_ADMIN'), expiresAt: Date.now() + 600_000 })
  const w = mount(ServiceRatePage, { global: { plugins: [pinia] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-testid="service-rate-total"]').exists()).toBe(true)
  })
  return w
}

describe('ServiceRatePage', () => {
  it('shows "—" and not 100% where nobody is to be served', async () => {
    const w = await mountWith({
      eligible: 4,
      served: 3,
      rate: 0.75,
      regions: [
        { regionCode: '500101', regionName: '万州区', eligible: 4, served: 3, rate: 0.75 },
        { regionCode: '500238', regionName: '巫溪县', eligible: 0, served: 0, rate: null },
      ],
      unserved: [],
    })
    expect(w.get('[data-testid="service-rate-value"]').text()).toBe('75%')
    const none = w.findAll('[data-testid="service-rate-none"]')
    expect(none).toHaveLength(1)
    expect(none[0]!.text()).toContain('—')
    expect(w.get('[data-testid="service-rate-table"]').text()).not.toContain('100%')
    w.unmount()
  })

  it('shows "—" for the whole scope when nobody is to be served', async () => {
    const w = await mountWith({ eligible: 0, served: 0, rate: null, regions: [], unserved: [] })
    expect(w.get('[data-testid="service-rate-value"]').text()).toBe('—')
    w.unmount()
  })
})
