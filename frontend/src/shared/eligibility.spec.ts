import { describe, expect, it } from 'vitest'
import { categoryNotice, eligibleCategory } from './eligibility'

describe('eligibility', () => {
  it('only the two target groups may take up an internship', () => {
    expect(eligibleCategory('UNEMPLOYED_GRADUATE')).toBe(true)
    expect(eligibleCategory('UNEMPLOYED_YOUTH')).toBe(true)
    expect(eligibleCategory('NOT_ELIGIBLE')).toBe(false)
    expect(eligibleCategory(undefined)).toBe(false)
  })

  it('explains the category to the young person', () => {
    expect(categoryNotice('UNEMPLOYED_YOUTH', '16–24岁失业青年')).toContain('可以申请见习岗位')
    const notEligible = categoryNotice('NOT_ELIGIBLE', '不符合见习补贴对象条件')
    expect(notEligible).toContain('不符合见习补贴对象条件')
    expect(notEligible).toContain('仍可浏览岗位')
  })
})
