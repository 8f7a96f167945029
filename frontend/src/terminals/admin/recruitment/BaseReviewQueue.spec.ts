import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import BaseReviewQueue from './BaseReviewQueue.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { Base, Role } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

function pendingBase(id: number, name: string, overdue = false): Base {
  return {
    receiptNo: `JX-500101-2026-00000${id}`,
    reviewDeadline: overdue ? '2026-10-23' : '2026-12-09',
    overdue,
    submittedAt: '2026-03-01T08:00:00Z',
    submissionRound: 1,
    id,
    name,
    regionCode: '500101',
    status: 'PENDING',
    statusLabel: '待审核',
    level: 'ORDINARY',
    levelLabel: '普通',
    source: 'SELF',
    contactName: '张三',
    contactPhone: '138****0000',
    contactPhoneMasked: true,
    appliedAt: '2026-03-01T08:00:00Z',
    employer: {
      id,
      creditCode: '91350100M000100Y43',
      name,
      regionCode: '500101',
      industry: '制造业',
      ownership: 'PRIVATE',
      ownershipLabel: '民营',
      operatingStatus: 'OPERATING',
      operatingStatusLabel: '在业',
      keyCategories: [],
    },
  } as Base
}

async function mountAs(role: Role) {
  const stub = fetchStub((req) => {
    const url = new URL(req.url)
    if (url.pathname === '/api/bases') {
      return jsonResponse({
        items: [pendingBase(1, '甲公司', true), pendingBase(2, '乙公司')],
        total: 2,
        page: 0,
        size: 20,
        overdueCount: 1,
      })
    }
    return jsonResponse([])
  })
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore(pinia)
  auth.$patch({ token: 'tok', user: user(role), expiresAt: Date.now() + 600_000 })
  const w = mount(BaseReviewQueue, { global: { plugins: [pinia] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.text()).toContain('乙公司')
  })
  return { w, stub }
}

describe('BaseReviewQueue', () => {
  it('asks only for PENDING filings', async () => {
    const { w, stub } = await mountAs('CITY_ADMIN')
    const req = stub.calls.find((r) => new URL(r.url).pathname === '/api/bases')!
    expect(new URL(req.url).searchParams.get('status')).toBe('PENDING')
    w.unmount()
  })

  it.each(['DISTRICT_ADMIN', 'CITY_ADMIN'] as Role[])('%s sees approve and reject on every row', async (role) => {
    const { w } = await mountAs(role)
    expect(w.findAll('[data-testid="base-approve"]')).toHaveLength(2)
    expect(w.findAll('[data-testid="base-reject"]')).toHaveLength(2)
    w.unmount()
  })

  it('shows the receipt, the deadline and the overdue count, and filters to overdue filings', async () => {
    const { w, stub } = await mountAs('DISTRICT_ADMIN')
    expect(w.text()).toContain('JX-500101-2026-000001')
    expect(w.find('[data-testid="base-overdue-count"]').text()).toContain('超期 1 件')
    expect(w.findAll('[data-testid="base-overdue"]')).toHaveLength(1)
    await w.find('[data-testid="base-overdue-filter"]').trigger('click')
    await vi.waitFor(() => {
      const asked = stub.calls.filter((r) => new URL(r.url).pathname === '/api/bases')
      expect(new URL(asked[asked.length - 1]!.url).searchParams.get('overdue')).toBe('true')
    })
    w.unmount()
  })

  it('DEPARTMENT sees the queue without actions', async () => {
    const { w } = await mountAs('DEPARTMENT')
    expect(w.text()).toContain('甲公司')
    expect(w.find('[data-testid="base-approve"]').exists()).toBe(false)
    expect(w.find('[data-testid="base-reject"]').exists()).toBe(false)
    expect(w.text()).not.toContain('操作')
    w.unmount()
  })
})
