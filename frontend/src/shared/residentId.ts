// Resident identity card number (居民身份证号), GB 11643-1999: 6-digit division code, 8-digit birth date
// (YYYYMMDD), 3-digit sequence (odd = male) and a check character over the first 17 digits.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** Province-level codes of GB/T 2260, the first two digits of every division code (as the backend checks). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
])

/**
 * A message when the 6-digit division code cannot be a county of GB/T 2260 (no such province, or the
 * province code itself), else null. Only the prefix is checked: IDs keep the code of counties since merged.
 */
export function divisionProblem(division: string): string | null {
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) return '身份证号前 6 位不是有效的行政区划代码'
  if (division.slice(2) === '0000') return '身份证号前 6 位是省级行政区划代码，不是县级行政区划代码'
  return null
}

/** The minimum age for registering on the platform. */
export const MIN_AGE = 16

export type Sex = 'M' | 'F'

export interface ResidentIdInfo {
  /** ISO date, e.g. 2003-05-17 */
  birthDate: string
  sex: Sex
  /** 男 / 女 */
  sexLabel: string
  /** Full years at `today`. */
  age: number
}

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** Full years between an ISO birth date and `today` (local calendar). */
export function ageAt(birthDate: string, today: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  let age = today.getFullYear() - y
  const md = (today.getMonth() + 1) * 100 + today.getDate()
  if (md < m * 100 + d) age--
  return age
}

/** Birth date of the 8 digits YYYYMMDD if they form a real calendar date, else null. */
function birthDateOf(digits: string): string | null {
  if (!/^\d{8}$/.test(digits)) return null
  const y = Number(digits.slice(0, 4))
  const m = Number(digits.slice(4, 6))
  const d = Number(digits.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

export function normalizeResidentId(id: string): string {
  return id.trim().toUpperCase()
}

/**
 * What the number says about its holder (birth date, sex, age) as soon as the relevant digits are typed:
 * the birth date needs the first 14 characters, the sex the first 17. Null when those digits are not valid.
 */
export function residentIdInfo(id: string, today: Date = new Date()): Partial<ResidentIdInfo> | null {
  const c = normalizeResidentId(id)
  if (c.length < 14) return null
  const birthDate = birthDateOf(c.slice(6, 14))
  if (!birthDate) return null
  const info: Partial<ResidentIdInfo> = { birthDate, age: ageAt(birthDate, today) }
  if (c.length >= 17 && /^\d$/.test(c[16]!)) {
    info.sex = Number(c[16]) % 2 === 1 ? 'M' : 'F'
    info.sexLabel = info.sex === 'M' ? '男' : '女'
  }
  return info
}

/** A Chinese message describing what is wrong with `id`, or null when it is a valid number of someone ≥ 16. */
export function residentIdProblem(id: string, today: Date = new Date(), minAge = MIN_AGE): string | null {
  const c = normalizeResidentId(id)
  if (!c) return '请输入身份证号'
  if (c.length !== 18) return `身份证号应为 18 位（当前 ${c.length} 位）`
  if (!/^\d{17}[\dX]$/.test(c)) return '身份证号前 17 位应为数字，最后一位为数字或 X'
  const division = divisionProblem(c.slice(0, 6))
  if (division) return division
  const birthDate = birthDateOf(c.slice(6, 14))
  if (!birthDate) return '身份证号中的出生日期无效'
  if (birthDate > `${pad(today.getFullYear(), 4)}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`) {
    return '身份证号中的出生日期晚于今天'
  }
  if (residentIdCheckChar(c.slice(0, 17)) !== c[17]) return '身份证号校验位不正确，请核对'
  if (ageAt(birthDate, today) < minAge) return `须年满 ${minAge} 周岁才能注册`
  return null
}

export function isValidResidentId(id: string, today: Date = new Date()): boolean {
  return residentIdProblem(id, today) === null
}

/** Builds a valid number from a division code, a birth date and a 3-digit sequence (tests, demo data). */
export function makeResidentId(division: string, birth: Date | string, sequence: number): string {
  const b =
    typeof birth === 'string'
      ? birth.replace(/-/g, '')
      : `${pad(birth.getFullYear(), 4)}${pad(birth.getMonth() + 1)}${pad(birth.getDate())}`
  const first17 = `${division}${b}${pad(sequence % 1000, 3)}`
  const check = residentIdCheckChar(first17)
  if (!check) throw new Error(`not 17 digits: ${first17}`)
  return first17 + check
}
