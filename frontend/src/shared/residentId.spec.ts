import { describe, expect, it } from 'vitest'
import {
  ageAt,
  divisionProblem,
  isValidResidentId,
  makeResidentId,
  residentIdCheckChar,
  residentIdInfo,
  residentIdProblem,
} from './residentId'

const TODAY = new Date(2025, 5, 15) // 2025-06-15

describe('residentId', () => {
  it('computes the GB 11643 check character (including X and 1/0)', () => {
    // The standard's example.
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('50010120010315123')).toBe(makeResidentId('500101', '2001-03-15', 123).slice(-1))
    expect(residentIdCheckChar('5001012001031512')).toBeNull()
    expect(residentIdCheckChar('5001012001031512A')).toBeNull()
  })

  it('accepts valid numbers, lower-case x and surrounding blanks', () => {
    expect(isValidResidentId('11010519491231002X', TODAY)).toBe(true)
    expect(isValidResidentId(' 11010519491231002x ', TODAY)).toBe(true)
    for (const seq of [1, 2, 99, 500, 999]) {
      const id = makeResidentId('500101', '2003-06-01', seq)
      expect(id).toHaveLength(18)
      expect(residentIdProblem(id, TODAY)).toBeNull()
    }
  })

  it('rejects a wrong check digit', () => {
    const id = makeResidentId('500101', '2003-06-01', 123)
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    expect(residentIdProblem(wrong, TODAY)).toContain('校验位')
  })

  it('rejects bad length, characters and impossible birth dates', () => {
    expect(residentIdProblem('', TODAY)).toBe('请输入身份证号')
    expect(residentIdProblem('50010120030601', TODAY)).toContain('18 位')
    expect(residentIdProblem('5001012003060112X1', TODAY)).toContain('数字')
    const feb30 = '50010120030230123'
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30), TODAY)).toContain('出生日期无效')
    const future = '50010120300101123'
    expect(residentIdProblem(future + residentIdCheckChar(future), TODAY)).toContain('晚于今天')
  })

  it('refuses a division code of no GB/T 2260 province, or a province code in place of a county', () => {
    for (const division of ['990101', '000101', '240101', '830101']) {
      expect(residentIdProblem(makeResidentId(division, '2003-06-01', 1), TODAY)).toBe('身份证号前 6 位不是有效的行政区划代码')
    }
    expect(residentIdProblem(makeResidentId('500000', '2003-06-01', 1), TODAY)).toContain('省级行政区划代码')
    for (const division of ['500101', '110105', '460107', '654001', '710100', '810001', '820001']) {
      expect(divisionProblem(division)).toBeNull()
    }
  })

  it('requires an age of at least 16 on the day', () => {
    expect(residentIdProblem(makeResidentId('500101', '2009-06-15', 11), TODAY)).toBeNull() // 16 today
    expect(residentIdProblem(makeResidentId('500101', '2009-06-16', 11), TODAY)).toContain('年满 16 周岁')
  })

  it('derives birth date and sex while typing', () => {
    expect(residentIdInfo('5001012003', TODAY)).toBeNull()
    expect(residentIdInfo('50010120030601', TODAY)).toEqual({ birthDate: '2003-06-01', age: 22 })
    expect(residentIdInfo('50010120030601123', TODAY)).toMatchObject({ sex: 'M', sexLabel: '男' })
    expect(residentIdInfo('50010120030601124', TODAY)).toMatchObject({ sex: 'F', sexLabel: '女' })
    expect(residentIdInfo('11010519491231002X', TODAY)).toMatchObject({ birthDate: '1949-12-31', sex: 'F', age: 75 })
    expect(residentIdInfo('50010120031301123', TODAY)).toBeNull()
  })

  it('counts full years', () => {
    expect(ageAt('2003-06-15', TODAY)).toBe(22)
    expect(ageAt('2003-06-16', TODAY)).toBe(21)
    expect(ageAt('2000-02-29', new Date(2025, 1, 28))).toBe(24)
    expect(ageAt('2000-02-29', new Date(2025, 2, 1))).toBe(25)
  })
})
