import { describe, expect, it } from 'vitest'
import { formatMoney, plainMoney, sumMoney, toCents } from './money'

describe('money', () => {
  it('formats with two decimals and grouping', () => {
    expect(formatMoney(2100)).toBe('2,100.00')
    expect(formatMoney('1850.5')).toBe('1,850.50')
    expect(formatMoney(0)).toBe('0.00')
    expect(formatMoney(1234567.89)).toBe('1,234,567.89')
    expect(formatMoney('-12.3')).toBe('-12.30')
    expect(formatMoney(null)).toBe('—')
    expect(formatMoney(undefined)).toBe('—')
  })

  it('sums decimal strings exactly', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30')
    expect(sumMoney([0.1, 0.2])).toBe('0.30')
    expect(sumMoney(['1999.99', '0.01', null, undefined])).toBe('2000.00')
    expect(sumMoney(Array.from({ length: 41 }, () => '0.07'))).toBe('2.87')
    expect(sumMoney([])).toBe('0.00')
    expect(sumMoney(['100', '-0.5'])).toBe('99.50')
  })

  it('parses amounts to cents and refuses more than two places', () => {
    expect(toCents('2,100.5')).toBe(210050n)
    expect(toCents('.5')).toBe(50n)
    expect(toCents('1.230')).toBe(123n)
    expect(toCents('1.234')).toBeNull()
    expect(toCents('abc')).toBeNull()
    expect(toCents('')).toBeNull()
    expect(plainMoney(2100)).toBe('2100.00')
    expect(plainMoney('x')).toBeNull()
  })
})
