import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SchoolServiceTable from './SchoolServiceTable.vue'
import type { SchoolService } from './types'

function row(school: string, n: number): SchoolService {
  return {
    school,
    rosterPeople: n,
    internshipIntention: n - 1,
    trainingIntention: 1,
    pushedPeople: 2,
    pushes: 5,
    servedPeople: 3,
    arrivedPeople: 1,
  }
}

describe('SchoolServiceTable', () => {
  it('shows each school with its counts and the total row of all schools', () => {
    const w = mount(SchoolServiceTable, {
      props: { rows: [row('重庆大学', 10), row('西南大学', 4)], totals: { ...row('合计', 30), pushes: 17 } },
    })
    const rows = w.findAll('[data-testid="school-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.findAll('td').map((c) => c.text())).toEqual(['重庆大学', '10', '9', '1', '2', '5', '3', '1'])
    const total = w.get('[data-testid="school-total"]').findAll('td').map((c) => c.text())
    expect(total[0]).toBe('合计（全部学校）')
    expect(total[1]).toBe('30')
    expect(total[5]).toBe('17')
    expect(w.find('[data-testid="school-empty"]').exists()).toBe(false)
  })

  it('says so when the roster has nobody', () => {
    const w = mount(SchoolServiceTable, { props: { rows: [], totals: row('合计', 0) } })
    expect(w.get('[data-testid="school-empty"]').text()).toContain('暂无')
    expect(w.findAll('[data-testid="school-row"]')).toHaveLength(0)
  })
})
