import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import FilingCertification from './FilingCertification.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { Base, BaseCertification } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

const base = (status: string) =>
  ({
    id: 9,
    name: '被驳回公司',
    regionCode: '500101',
    status,
    statusLabel: status === 'REJECTED' ? '未通过' : '待审核',
    level: 'ORDINARY',
    levelLabel: '普通',
    source: 'SELF',
    contactName: '张联系',
    contactPhone: '139****5678',
    contactPhoneMasked: true,
    appliedAt: '2026-09-28T02:00:00Z',
    receiptNo: 'JX-500101-2026-000009',
    reviewDeadline: status === 'PENDING' ? '2026-10-23' : undefined,
    overdue: status === 'PENDING',
    submittedAt: '2026-09-28T02:00:00Z',
    submissionRound: 1,
    rejectReason: status === 'REJECTED' ? '执照不清晰' : undefined,
    employer: { id: 1, creditCode: 'X', name: '被驳回公司', regionCode: '500101', industry: '制造业', ownership: 'PRIVATE', ownershipLabel: '民营', operatingStatus: 'OPERATING', operatingStatusLabel: '在业', keyCategories: [] },
  }) as unknown as Base

const dossier = {
  baseId: 9,
  name: '被驳回公司',
  regionCode: '500101',
  status: 'REJECTED',
  statusLabel: '未通过',
  receiptNo: 'JX-500101-2026-000009',
  appliedAt: '2026-09-28T02:00:00Z',
  submittedAt: '2026-09-28T02:00:00Z',
  submissionRound: 1,
  overdue: false,
  contactName: '张联系',
  address: '某路 1 号',
  creditCode: 'X',
  declaredName: '被驳回公司',
  industry: '制造业',
  ownership: 'PRIVATE',
  ownershipLabel: '民营',
  keyCategories: [],
  operatingStatus: 'OPERATING',
  operatingStatusLabel: '在业',
  documents: [],
  inspections: [],
  rejections: [{ submissionRound: 1, reason: '执照不清晰', rejectedAt: '2026-10-09T02:00:00Z', rejectedBy: 'wanzhou' }],
  inspectionPassed: false,
} as BaseCertification

async function mountWith(b: Base, onPut?: (req: Request) => Response) {
  const stub = fetchStub((req) => {
    const url = new URL(req.url)
    if (url.pathname === '/api/bases/9/certification') return jsonResponse({ ...dossier, status: b.status })
    if (url.pathname === '/api/bases/9/filing' && req.method === 'PUT' && onPut) return onPut(req)
    return jsonResponse([])
  })
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore(pinia).$patch({ token: 'tok', user: user('BASE'), expiresAt: Date.now() + 600_000 })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/base/filing/receipt', name: 'base-filing-receipt', component: { template: '<div />' } }],
  })
  const w = mount(FilingCertification, { props: { base: b }, global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.text()).toContain('JX-500101-2026-000009')
  }, { timeout: 5000 })
  return { w, stub }
}

describe('FilingCertification', () => {
  it('a pending filing shows its deadline, overdue, and takes documents but offers no resubmission', async () => {
    const { w } = await mountWith(base('PENDING'))
    expect(w.find('[data-testid="filing-deadline"]').text()).toBe('2026-10-23')
    expect(w.find('[data-testid="filing-overdue"]').exists()).toBe(true)
    expect(w.find('[data-testid="document-upload"]').exists()).toBe(true)
    expect(w.find('[data-testid="filing-resubmit"]').exists()).toBe(false)
    w.unmount()
  })

  it('a rejected filing shows its rejections and resubmits the correction, showing the field the server names', async () => {
    const { w, stub } = await mountWith(base('REJECTED'), () =>
      jsonResponse(
        { type: 'urn:jianxi:problem:validation', title: '请求参数不合法', status: 400, violations: [{ field: 'contactPhone', message: '联系电话应为 11 位手机号或带区号的固定电话' }] },
        400,
      ),
    )
    expect(w.find('[data-testid="filing-rejections"]').text()).toContain('执照不清晰')
    await w.find('input[data-testid="resubmit-phone"]').setValue('123')
    await w.find('form').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('联系电话应为 11 位手机号')
    }, { timeout: 5000 })
    const put = stub.calls.find((r) => r.method === 'PUT')!
    const body = await put.clone().json()
    expect(body.employerName).toBe('被驳回公司')
    expect(body.contactPhone).toBe('123')
    w.unmount()
  })
})
