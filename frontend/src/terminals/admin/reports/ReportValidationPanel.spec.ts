import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ReportValidationPanel from './ReportValidationPanel.vue'

function mountWith(props: Partial<InstanceType<typeof ReportValidationPanel>['$props']>) {
  return mount(ReportValidationPanel, {
    props: { violations: [], showSubmit: true, canSubmit: true, blockedReason: '', ...props },
  })
}

describe('ReportValidationPanel', () => {
  it('lists every violation with its rule and keeps 提交 disabled', async () => {
    const w = mountWith({
      violations: [
        { rule: '5', message: '请填写指标5“本期计划组织见习人数”' },
        { rule: '8≥9+11', message: '完成见习人数应不少于留用与其他方式就业之和' },
      ],
      canSubmit: false,
      blockedReason: '请先处理校验未通过的项目',
    })
    const panel = w.get('[data-testid="report-violations"]')
    expect(panel.attributes('data-count')).toBe('2')
    const items = w.findAll('[data-testid="report-violation"]')
    expect(items).toHaveLength(2)
    expect(items[1]!.text()).toContain('8≥9+11')
    expect(items[0]!.text()).toContain('指标5')
    const button = w.get('[data-testid="report-submit"]')
    expect(button.attributes('disabled')).toBeDefined()
    await button.trigger('click')
    expect(w.emitted('submit')).toBeUndefined()
  })

  it('shows 全部校验通过 and an enabled 提交 that emits submit', async () => {
    const w = mountWith({})
    expect(w.find('[data-testid="report-violations-ok"]').exists()).toBe(true)
    expect(w.findAll('[data-testid="report-violation"]')).toHaveLength(0)
    const button = w.get('[data-testid="report-submit"]')
    expect(button.attributes('disabled')).toBeUndefined()
    await button.trigger('click')
    expect(w.emitted('submit')).toHaveLength(1)
  })

  it('hides 提交 for viewers who cannot submit', () => {
    const w = mountWith({ showSubmit: false, canSubmit: false })
    expect(w.find('[data-testid="report-submit"]').exists()).toBe(false)
  })
})
