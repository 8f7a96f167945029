import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DecisionDialog from './DecisionDialog.vue'
import { chongqingToday, decidable, type DisqualificationCase } from './types'
import { fetchStub, jsonResponse } from '@/test/fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function warned(extra: Partial<DisqualificationCase> = {}): DisqualificationCase {
  return {
    id: 9,
    baseId: 4,
    regionCode: '500101',
    rule: 'MARKET_DEREGISTERED',
    ruleName: '单位被吊销或注销',
    status: 'WARNED',
    statusLabel: '已预警',
    evidence: '经营状态：注销（自 2026-10-01）',
    warnedAt: '2026-11-18T02:00:00Z',
    warnedBy: 'wanzhou',
    ...extra,
  }
}

describe('DecisionDialog', () => {
  it('sends a rectification with its date and note, and tells the page', async () => {
    const decided = warned({ status: 'RECTIFYING', statusLabel: '限期整改', rectifyBy: '2099-01-31', decisionNote: '补齐材料' })
    const stub = fetchStub(() => jsonResponse(decided))
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(DecisionDialog, { props: { caseItem: warned(), baseName: '万州测试基地' }, attachTo: document.body })
    await flushPromises()
    expect(document.body.textContent).toContain('经营状态：注销（自 2026-10-01）')
    // Nothing goes without a date.
    ;(document.querySelector('[data-testid="decision-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(stub.calls).toHaveLength(0)
    expect(document.querySelector('[data-testid="decision-error"]')?.textContent).toContain('请填写整改期限')

    const vm = w.vm as unknown as { $: { setupState: { form: { rectifyBy: string; note: string } } } }
    vm.$.setupState.form.rectifyBy = '2099-01-31'
    vm.$.setupState.form.note = '补齐材料'
    await flushPromises()
    ;(document.querySelector('[data-testid="decision-submit"]') as HTMLButtonElement).click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.emitted('decided')).toHaveLength(1)
    })
    expect(new URL(stub.calls[0]!.url).pathname).toBe('/api/quality/disqualification-cases/9/decision')
    expect(await stub.calls[0]!.json()).toEqual({ decision: 'RECTIFY', rectifyBy: '2099-01-31', note: '补齐材料' })
    w.unmount()
  })

  it('refuses a date in the past before asking the server', async () => {
    const stub = fetchStub(() => jsonResponse({}))
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(DecisionDialog, { props: { caseItem: warned() }, attachTo: document.body })
    const vm = w.vm as unknown as { $: { setupState: { form: { rectifyBy: string; note: string } } } }
    vm.$.setupState.form.rectifyBy = '2000-01-01'
    vm.$.setupState.form.note = '补齐材料'
    await flushPromises()
    ;(document.querySelector('[data-testid="decision-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(stub.calls).toHaveLength(0)
    expect(document.querySelector('[data-testid="decision-error"]')?.textContent).toContain('不能早于今天')
    w.unmount()
  })
})

describe('decidable', () => {
  it('allows a warned case, and a rectifying one only after its date', () => {
    const today = chongqingToday(new Date('2026-11-18T02:00:00Z'))
    expect(today).toBe('2026-11-18')
    expect(decidable(warned(), today)).toBe(true)
    expect(decidable(warned({ status: 'RECTIFYING', rectifyBy: '2026-11-18' }), today)).toBe(false)
    expect(decidable(warned({ status: 'RECTIFYING', rectifyBy: '2026-11-17' }), today)).toBe(true)
    expect(decidable(warned({ status: 'REVOKED' }), today)).toBe(false)
  })
})
