// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set,
// the last one a check character over the first 17.

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters, or null if they are not in the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!)
    if (v < 0) return null
    sum += v * WEIGHTS[i]!
  }
  const check = 31 - (sum % 31)
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check]!
}

/** A Chinese message describing what is wrong with `code`, or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  const c = code.trim().toUpperCase()
  if (!c) return '请输入统一社会信用代码'
  if (c.length !== 18) return `统一社会信用代码应为 18 位（当前 ${c.length} 位）`
  for (const ch of c) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return `含有不允许的字符“${ch}”（不使用 I、O、Z、S、V）`
  }
  if (creditCodeCheckChar(c.slice(0, 17)) !== c[17]) return '统一社会信用代码校验位不正确，请核对'
  return null
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null
}
