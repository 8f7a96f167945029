import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PublicBasesPage from './PublicBasesPage.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('PublicBasesPage', () => {
  it('lists certified bases without a token, with the total, and asks again per district', async () => {
    const stub = fetchStub((req) => {
      const url = new URL(req.url)
      if (url.pathname === '/api/public/bases') {
        return jsonResponse({
          items: [
            { id: 1, name: '甲见习基地', regionCode: '500101', regionName: '万州区', industry: '制造业', level: 'CITY', levelLabel: '市级示范', certifiedOn: '2026-03-02' },
          ],
          total: 1,
          page: 0,
          size: 20,
        })
      }
      if (url.pathname === '/api/regions') return jsonResponse([{ code: '500101', shortName: '万州区', officialName: '万州区' }])
      return jsonResponse([])
    })
    vi.stubGlobal('fetch', stub.fn)
    setActivePinia(createPinia())
    const w = mount(PublicBasesPage, { attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('甲见习基地')
    })
    expect(w.text()).toContain('市级示范')
    expect(w.text()).toContain('2026-03-02')
    expect(w.find('[data-testid="public-bases-total"]').text()).toContain('共 1 家')
    const req = stub.calls.find((r) => new URL(r.url).pathname === '/api/public/bases')!
    expect(req.headers.get('Authorization')).toBeNull()
    expect(new URL(req.url).searchParams.get('page')).toBe('0')
    w.unmount()
  })
})
