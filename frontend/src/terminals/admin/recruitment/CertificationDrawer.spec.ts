import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import CertificationDrawer from './CertificationDrawer.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { BaseCertification, BaseInspection, Role } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

function inspection(conclusion: 'PASSED' | 'FAILED', round = 1): BaseInspection {
  return {
    id: 7,
    submissionRound: round,
    inspectedOn: '2026-11-18',
    inspectorOne: '王核查',
    inspectorTwo: '赵核查',
    findings: '场所与申报一致',
    conclusion,
    conclusionLabel: conclusion === 'PASSED' ? '通过' : '不通过',
    recordedBy: 'wanzhou',
    recordedAt: '2026-11-18T02:00:00Z',
    photos: [],
  }
}

function dossier(inspections: BaseInspection[], extra: Partial<BaseCertification> = {}): BaseCertification {
  return {
    baseId: 5,
    name: '核查公司',
    regionCode: '500101',
    status: 'PENDING',
    statusLabel: '待审核',
    receiptNo: 'JX-500101-2026-000005',
    appliedAt: '2026-11-01T02:00:00Z',
    submittedAt: '2026-11-01T02:00:00Z',
    submissionRound: 1,
    reviewDeadline: '2026-11-20',
    overdue: false,
    contactName: '张联系',
    address: '万州区某路 1 号',
    creditCode: '91500101MA5U7QXX0K',
    declaredName: '核查公司',
    industry: '制造业',
    ownership: 'PRIVATE',
    ownershipLabel: '民营',
    keyCategories: [],
    operatingStatus: 'OPERATING',
    operatingStatusLabel: '在业',
    documents: [
      {
        id: 3,
        kind: 'BUSINESS_LICENCE',
        kindLabel: '营业执照',
        fileName: 'licence.png',
        contentType: 'image/png',
        sizeBytes: 2048,
        uploadedBy: 'base1',
        uploadedAt: '2026-11-01T02:00:00Z',
      },
    ],
    inspections,
    rejections: [],
    inspectionPassed: inspections[0]?.conclusion === 'PASSED',
    ...extra,
  }
}

async function mountAs(role: Role, d: BaseCertification) {
  const stub = fetchStub((req) => {
    const url = new URL(req.url)
    if (url.pathname === '/api/bases/5/certification') return jsonResponse(d)
    if (url.pathname === '/api/bases/5/inspections') return jsonResponse(inspection('PASSED'), 201)
    return jsonResponse([])
  })
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore(pinia).$patch({ token: 'tok', user: user(role), expiresAt: Date.now() + 600_000 })
  const w = mount(CertificationDrawer, {
    props: { modelValue: true, baseId: 5 },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(document.body.textContent).toContain('JX-500101-2026-000005')
  }, { timeout: 5000 })
  return { w, stub }
}

const approveButton = () => document.querySelector<HTMLButtonElement>('[data-testid="certification-approve"]')

describe('CertificationDrawer', () => {
  it('shows the declared data, market status and documents, and holds approval until an inspection passed', async () => {
    const { w } = await mountAs('DISTRICT_ADMIN', dossier([]))
    const text = document.body.textContent ?? ''
    expect(text).toContain('制造业')
    expect(text).toContain('在业')
    expect(text).toContain('licence.png')
    expect(text).toContain('尚无现场核查记录')
    expect(approveButton()?.disabled).toBe(true)
    w.unmount()
  })

  it('a failed inspection keeps approval closed', async () => {
    const { w } = await mountAs('DISTRICT_ADMIN', dossier([inspection('FAILED')]))
    expect(approveButton()?.disabled).toBe(true)
    w.unmount()
  })

  it('a passed inspection opens approval', async () => {
    const { w } = await mountAs('CITY_ADMIN', dossier([inspection('PASSED')]))
    expect(approveButton()?.disabled).toBe(false)
    approveButton()!.click()
    expect(w.emitted('approve')?.[0]).toEqual([5])
    w.unmount()
  })

  it('the city reviews but gets no inspection form', async () => {
    const { w } = await mountAs('CITY_ADMIN', dossier([]))
    expect(document.querySelector('[data-testid="inspection-form"]')).toBeNull()
    w.unmount()
  })

  it('district staff record inspections, and two identical inspectors are refused before sending', async () => {
    const { w, stub } = await mountAs('DISTRICT_ADMIN', dossier([]))
    const input = (id: string) => document.querySelector<HTMLInputElement>(`input[data-testid="${id}"], textarea[data-testid="${id}"]`)!
    for (const [id, value] of [['inspection-one', '王核查'], ['inspection-two', '王核查'], ['inspection-findings', '已核查']] as const) {
      const el = input(id)
      el.value = value
      el.dispatchEvent(new Event('input'))
    }
    document.querySelector('form[data-testid="inspection-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => {
      expect(document.body.textContent).toContain('两名不同的核查人')
      expect(document.body.textContent).toContain('请填写核查日期')
    })
    expect(stub.calls.some((r) => new URL(r.url).pathname === '/api/bases/5/inspections')).toBe(false)
    w.unmount()
  })
})
