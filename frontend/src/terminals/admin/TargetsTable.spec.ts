import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TargetsTable from './TargetsTable.vue'
import { TARGET_COLUMNS, sumTargets } from './targets'
import { cityPlan, regionTargets } from '@/test/fixtures'
import type { PlanTargets } from '@/api/types'

const cellText = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('td').map((c) => c.text())

describe('TargetsTable', () => {
  it('shows the Chinese column headings', () => {
    const w = mount(TargetsTable, { props: { plan: cityPlan(2), showTotal: true } })
    const heads = w.findAll('thead th').map((h) => h.text())
    expect(heads).toEqual([
      '区县',
      '新增见习基地',
      '其中重点企业',
      '募集见习岗位',
      '组织见习人数',
      '政策宣讲',
      '供需对接活动',
      '选树典型人物',
      '推荐国家级',
    ])
  })

  it('district admin: exactly one region row and no total row', () => {
    const plan = { ...cityPlan(0), regions: [regionTargets(1, '万州区')] } as PlanTargets
    const w = mount(TargetsTable, { props: { plan, showTotal: false } })
    const rows = w.findAll('[data-testid="region-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.find('th').text()).toBe('万州区')
    expect(cellText(rows[0]!)).toEqual(['1', '1', '101', '51', '2', '1', '1', '0'])
    expect(w.find('[data-testid="total-row"]').exists()).toBe(false)
    expect(w.text()).not.toContain('全市合计')
  })

  it('city admin: 41 region rows and a 全市合计 row with the column sums', () => {
    const plan = cityPlan(41)
    const w = mount(TargetsTable, { props: { plan, showTotal: true } })
    expect(w.findAll('[data-testid="region-row"]')).toHaveLength(41)
    const total = w.get('[data-testid="total-row"]')
    expect(total.find('th').text()).toBe('全市合计')
    // 1..41: newBases = 861, positions = 41*100 + 861 = 4961, participants = 41*50 + 861 = 2911.
    const byCol = Object.fromEntries(TARGET_COLUMNS.map((c, i) => [c.key, cellText(total)[i]]))
    expect(byCol.newBases).toBe('861')
    expect(byCol.positions).toBe('4,961')
    expect(byCol.participants).toBe('2,911')
    expect(byCol.policySessions).toBe('82')
  })
})

describe('sumTargets', () => {
  it('adds every indicator column-wise', () => {
    const s = sumTargets([regionTargets(1), regionTargets(2), regionTargets(3)])
    expect(s).toEqual({
      newBases: 6,
      newKeyEnterpriseBases: 1 + 2 + 0,
      positions: 306,
      participants: 156,
      policySessions: 6,
      matchingEvents: 3,
      typicalPersons: 2,
      nationalNominations: 0,
    })
  })
})
