import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ApplicantContact from './ApplicantContact.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { Application } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
})

function app(extra: Partial<Application> = {}): Application {
  return {
    id: 3,
    positionId: 5,
    positionTitle: '产线调试见习',
    baseId: 1,
    baseName: '万州测试基地',
    youthId: 7,
    youthName: '张三',
    applicantPhone: '139****0002',
    applicantPhoneMasked: true,
    contactSharedAt: '2026-11-18T02:00:00Z',
    status: 'SUBMITTED',
    statusLabel: '已投递',
    createdAt: '2026-11-18T02:00:00Z',
    updatedAt: '2026-11-18T02:00:00Z',
    ...extra,
  }
}

describe('ApplicantContact', () => {
  it('shows the masked phone and reveals the full one on request', async () => {
    const stub = fetchStub(() => jsonResponse(app({ applicantPhone: '13955550002', applicantPhoneMasked: false })))
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(ApplicantContact, { props: { application: app() } })
    expect(w.find('[data-testid="applicant-phone"]').text()).toBe('139****0002')
    expect(w.find('[data-testid="applicant-phone-note"]').text()).toContain('记入审计日志')

    await w.find('[data-testid="applicant-phone-reveal"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.emitted('revealed')).toHaveLength(1)
    })
    const url = new URL(stub.calls[0]!.url)
    expect(url.pathname).toBe('/api/applications/3')
    expect(url.searchParams.get('reveal')).toBe('true')
    const full = (w.emitted('revealed')![0] as [Application])[0]
    await w.setProps({ application: full })
    expect(w.find('[data-testid="applicant-phone"]').attributes('href')).toBe('tel:13955550002')
    expect(w.find('[data-testid="applicant-phone-reveal"]').exists()).toBe(false)
    expect(w.find('[data-testid="applicant-phone-note"]').text()).toContain('本次查看已记入审计日志')
  })

  it('offers no reveal for an ended application or one made before applicants were told', () => {
    const ended = mount(ApplicantContact, { props: { application: app({ status: 'REJECTED', statusLabel: '未通过' }) } })
    expect(ended.find('[data-testid="applicant-phone-reveal"]').exists()).toBe(false)
    expect(ended.find('[data-testid="applicant-phone-note"]').text()).toContain('申请已结束')
    const older = mount(ApplicantContact, { props: { application: app({ contactSharedAt: undefined }) } })
    expect(older.find('[data-testid="applicant-phone-reveal"]').exists()).toBe(false)
    expect(older.find('[data-testid="applicant-phone-note"]').text()).toContain('未被告知')
  })
})
