import { describe, expect, it } from 'vitest'
import { groupSecret, isCode, normalizeCode, proofOf, recoveryCodesText } from './secondFactor'

describe('second factor helpers', () => {
  it('keeps the six digits of a pasted code', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456')
    expect(normalizeCode('12-34-5678')).toBe('123456')
    expect(isCode('123456')).toBe(true)
    expect(isCode('12345')).toBe(false)
    expect(isCode('12345a')).toBe(false)
  })

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('JIANXIDEMOTOTPSE')).toBe('JIAN XIDE MOTO TPSE')
    expect(groupSecret('ABCDEF')).toBe('ABCD EF')
  })

  it('sends a code or a recovery code, never both', () => {
    expect(proofOf('123 456', false)).toEqual({ code: '123456' })
    expect(proofOf(' ABCDE-FGHJK ', true)).toEqual({ recoveryCode: 'ABCDE-FGHJK' })
  })

  it('writes every recovery code with the account into the download', () => {
    const text = recoveryCodesText('admin', ['AAAAA-BBBBB', 'CCCCC-DDDDD'], new Date(2026, 10, 18, 9, 5))
    expect(text).toContain('账号 admin')
    expect(text).toContain('2026-11-18 09:05')
    expect(text).toContain(' 1. AAAAA-BBBBB')
    expect(text).toContain(' 2. CCCCC-DDDDD')
  })
})
