import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ScoreSheetPanel from './ScoreSheetPanel.vue'
import { measured, type ScoreSheet } from './types'
import { fetchStub, jsonResponse } from '@/test/fixtures'

afterEach(() => {
  vi.unstubAllGlobals()
})

function sheet(frozen = false): ScoreSheet {
  return {
    baseId: 7,
    baseName: '重庆示例科技有限公司',
    regionCode: '500101',
    year: 2026,
    total: 71.3,
    rank: 1,
    of: 21,
    proposed: true,
    frozen,
    frozenAt: frozen ? '2026-12-20T02:00:00Z' : null,
    manualComplete: false,
    eligible: false,
    lines: [
      {
        code: 'RETENTION', name: '留用率', kind: 'COMPUTED', metric: 'RETENTION_RATE', numeratorLabel: '留用',
        denominatorLabel: '完成', weight: 15, numerator: 2, denominator: 3, input: 2 / 3, fullAt: 0.5, zeroAt: 0,
        points: 15, explanation: '留用率 66.7%（50% 满分，0% 零分）→ 15.00 分',
      },
      {
        code: 'INSPECTION', name: '现场核查', kind: 'MANUAL', weight: 4, points: 0, explanation: '区县尚未评分，暂计 0 分',
      },
    ],
    eligibility: [
      { rule: 'INTERNS_AT_LEAST', label: '本年到岗见习人数不少于', threshold: 50, actual: 4, passed: false, explanation: '本年到岗 4 人（要求 ≥ 50 人）' },
    ],
  } as ScoreSheet
}

describe('ScoreSheetPanel', () => {
  it('shows each criterion’s figures and points, the rank among the district’s bases and the failed eligibility', () => {
    const w = mount(ScoreSheetPanel, { props: { sheet: sheet(), canScore: false } })
    expect(w.text()).toContain('区县内第 1 名（共 21 家）')
    expect(w.text()).toContain('留用 2 / 完成 3 = 66.7%')
    expect(w.text()).toContain('✘ 本年到岗见习人数不少于：本年到岗 4 人（要求 ≥ 50 人）')
    expect(w.find('[data-testid="manual-INSPECTION"]').exists()).toBe(false)
  })

  it('lets district staff score a manual criterion while the year is open, and not once it is frozen', async () => {
    const stub = fetchStub(() => jsonResponse(sheet()))
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(ScoreSheetPanel, { props: { sheet: sheet(), canScore: true } })
    const row = w.find('[data-testid="manual-INSPECTION"]')
    expect(row.exists()).toBe(true)
    await row.findAll('input')[0]!.setValue('80')
    await row.findAll('input')[1]!.setValue('场所整洁，带教到位')
    await row.find('button').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(stub.calls).toHaveLength(1)
    })
    expect(new URL(stub.calls[0]!.url).pathname).toBe('/api/evaluations/2026/bases/7/manual-scores/INSPECTION')
    expect(await stub.calls[0]!.clone().json()).toEqual({ percent: 80, note: '场所整洁，带教到位' })
    expect(w.emitted('changed')).toHaveLength(1)

    const frozen = mount(ScoreSheetPanel, { props: { sheet: sheet(true), canScore: true } })
    expect(frozen.find('[data-testid="manual-INSPECTION"]').exists()).toBe(false)
  })

  it('describes an average rating and an unscored manual criterion in words', () => {
    expect(measured({ code: 'S', name: '满意度', kind: 'COMPUTED', metric: 'SATISFACTION', numeratorLabel: '评价人数',
      weight: 10, numerator: 3, input: 11 / 3, points: 6.67, explanation: '' } as never)).toBe('评价人数 3，平均 3.67 分')
    expect(measured({ code: 'M', name: '安全', kind: 'MANUAL', weight: 3, points: 0, explanation: '' } as never)).toBe('未评分')
  })
})
