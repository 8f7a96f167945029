import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import PlanProgressTable from './PlanProgressTable.vue'
import type { ColumnProgress, ScopeProgress, TargetColumn } from '@/api/types'

const ALL: TargetColumn[] = [
  'NEW_BASES',
  'NEW_KEY_ENTERPRISE_BASES',
  'POSITIONS',
  'PARTICIPANTS',
  'POLICY_SESSIONS',
  'MATCHING_EVENTS',
  'TYPICAL_PERSONS',
  'NATIONAL_NOMINATIONS',
]

function col(column: TargetColumn, achieved: number, target: number, milestone: number): ColumnProgress {
  return {
    column,
    label: column,
    target,
    achieved,
    milestone,
    gap: Math.max(0, milestone - achieved),
    behind: achieved < milestone,
    milestones: Array(12).fill(milestone),
    achievedByMonth: Array(12).fill(achieved),
  }
}

function region(code: string, name: string, positions: [number, number, number]): ScopeProgress {
  const columns = ALL.map((c) => (c === 'POSITIONS' ? col(c, ...positions) : col(c, 1, 2, 1)))
  return {
    kind: 'REGION',
    code,
    name,
    scheduled: true,
    behind: columns.some((c) => c.behind),
    columns,
  }
}

const stubs = { RouterLink: RouterLinkStub }

describe('PlanProgressTable', () => {
  it('shows achieved over target, the month milestone and the gap of a behind column', () => {
    const w = mount(PlanProgressTable, {
      props: { year: 2026, month: 11, scopes: [region('500101', '万州区', [30, 100, 50])] },
      global: { stubs },
    })
    const cell = w.get('[data-testid="progress-500101-POSITIONS"]')
    expect(cell.text()).toContain('30 / 100')
    expect(cell.text()).toContain('11月应达 50')
    expect(cell.text()).toContain('差 20')
    expect(w.get('[data-testid="progress-row-500101"]').text()).toContain('进度落后')
    expect(w.get('[data-testid="progress-500101-NEW_BASES"]').text()).not.toContain('差')
  })

  it('links each region figure to its records', () => {
    const w = mount(PlanProgressTable, {
      props: { year: 2026, month: 11, scopes: [region('500101', '万州区', [30, 100, 50])], links: true },
      global: { stubs },
    })
    const links = w.findAllComponents(RouterLinkStub)
    expect(links).toHaveLength(8)
    expect(links[2]!.props('to')).toEqual({ path: '/admin/position-review', query: { regionCode: '500101', tab: 'all' } })
  })

  it('sorts the regions by the completion of a column when its heading is clicked', async () => {
    const w = mount(PlanProgressTable, {
      props: {
        year: 2026,
        month: 11,
        scopes: [region('A', '甲', [90, 100, 50]), region('B', '乙', [10, 100, 50]), region('C', '丙', [50, 100, 50])],
      },
      global: { stubs },
    })
    const order = () => w.findAll('tbody tr').map((r) => r.attributes('data-testid'))
    expect(order()).toEqual(['progress-row-A', 'progress-row-B', 'progress-row-C'])
    await w.get('[data-testid="sort-POSITIONS"]').trigger('click')
    expect(order()).toEqual(['progress-row-B', 'progress-row-C', 'progress-row-A'])
    await w.get('[data-testid="sort-POSITIONS"]').trigger('click')
    expect(order()).toEqual(['progress-row-A', 'progress-row-C', 'progress-row-B'])
  })

  it('shows only the positions column for department quotas', () => {
    const dept: ScopeProgress = {
      kind: 'DEPARTMENT',
      code: 'KJJ',
      name: '市科技局',
      scheduled: false,
      behind: false,
      columns: [col('POSITIONS', 500, 2000, 400)],
    }
    const w = mount(PlanProgressTable, { props: { year: 2026, month: 11, scopes: [dept] }, global: { stubs } })
    expect(w.findAll('thead th')).toHaveLength(3)
    expect(w.text()).toContain('（默认进度）')
  })
})
