import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AgreementSheet from './AgreementSheet.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { Internship } from '@/api/types'
import { AGREEMENT_TERMS } from '@/shared/agreement'

afterEach(() => {
  vi.unstubAllGlobals()
})

const signed = {
  id: 9, baseName: '重庆示例科技有限公司', positionTitle: '研发助理', startDate: '2026-11-01', plannedEnd: '2027-04-30',
  mentorName: '王老师', monthlyAllowance: 2300, agreementSignedAt: '2026-10-30T02:00:00Z', youthAgreementConfirmedAt: null,
  state: 'ON_POST',
} as unknown as Internship

describe('AgreementSheet', () => {
  it('shows the signed terms and sends the intern’s confirmation', async () => {
    const stub = fetchStub(() => jsonResponse({ ...signed, youthAgreementConfirmedAt: '2026-11-02T01:00:00Z' }))
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(AgreementSheet, { props: { internship: signed }, attachTo: document.body })
    expect(w.text()).toContain('待我确认')
    await w.find('[data-testid="agreement-open"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain(AGREEMENT_TERMS[1])
    ;(document.querySelector('[data-testid="agreement-confirm"]') as HTMLElement).click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.emitted('confirmed')).toHaveLength(1)
    })
    expect(new URL(stub.calls[0]!.url).pathname).toBe('/api/internships/9/agreement/confirmation')
    expect(stub.calls[0]!.method).toBe('POST')
    w.unmount()
  })
})
