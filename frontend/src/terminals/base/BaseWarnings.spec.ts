import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import BaseWarnings from './BaseWarnings.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('BaseWarnings', () => {
  it('lists the base’s warnings with their evidence and the rectification date', async () => {
    const stub = fetchStub(() =>
      jsonResponse({
        items: [
          {
            id: 3,
            baseId: 4,
            regionCode: '500101',
            rule: 'NO_INTERN_WITHIN_MONTHS',
            ruleName: '备案后长期无人见习',
            status: 'RECTIFYING',
            statusLabel: '限期整改',
            evidence: '2025-11-18 备案，备案后 12 个月内（至 2026-11-17）到岗 0 人',
            warnedAt: '2026-11-18T02:00:00Z',
            warnedBy: 'wanzhou',
            rectifyBy: '2026-12-31',
            decisionNote: '年底前接收见习人员',
          },
        ],
        total: 1,
        page: 0,
        size: 20,
      }),
    )
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(BaseWarnings)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.findAll('[data-testid="base-warning"]')).toHaveLength(1)
    })
    expect(new URL(stub.calls[0]!.url).pathname).toBe('/api/quality/my-warnings')
    expect(w.find('[data-testid="base-warning-evidence"]').text()).toContain('到岗 0 人')
    expect(w.text()).toContain('请于 2026-12-31 前完成整改：年底前接收见习人员')
  })
})
