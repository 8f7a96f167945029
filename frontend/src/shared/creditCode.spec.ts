import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './creditCode'

describe('creditCode', () => {
  it.each(['91350100M000100Y43', '91110000600037341L'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
    expect(creditCodeProblem(code)).toBeNull()
  })

  it('computes the check character (31 → 0)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('91110000600037341')).toBe('L')
    expect(creditCodeCheckChar('short')).toBeNull()
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeNull()
  })

  it('accepts lower case input', () => {
    expect(isValidCreditCode('91110000600037341l')).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false)
    expect(creditCodeProblem('91350100M000100Y44')).toContain('校验位')
  })

  it('rejects wrong length and forbidden characters', () => {
    expect(creditCodeProblem('')).toContain('请输入')
    expect(creditCodeProblem('9135')).toContain('18 位')
    expect(creditCodeProblem('91350100M000100I43')).toContain('I')
  })

  it('finds exactly one valid check character for any prefix', () => {
    const prefix = '91500000MA5U7QXX0'
    const valid = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((c) => isValidCreditCode(prefix + c))
    expect(valid).toHaveLength(1)
  })
})
