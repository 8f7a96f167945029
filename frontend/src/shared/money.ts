// Money in 元 with two decimal places. The API sends decimals (JSON numbers such as 2100 or 2100.5, or
// strings); totals are summed as integer 分 (cents) so that '0.10' + '0.20' is exactly '0.30'.

export type Money = number | string | null | undefined

/** The amount in 分 (integer cents); null when it is not a decimal with at most two places. */
export function toCents(v: Money): bigint | null {
  if (v == null) return null
  let s = typeof v === 'number' ? numberText(v) : v.trim().replace(/,/g, '')
  if (s === null) return null
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (!m[2] && !m[3])) return null
  const frac = m[3] ?? ''
  if (frac.length > 2 && /[^0]/.test(frac.slice(2))) return null
  s = (m[2] || '0') + (frac + '00').slice(0, 2)
  const cents = BigInt(s)
  return m[1] === '-' ? -cents : cents
}

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null
  // toFixed(2) of a JSON number with at most two decimals is exact; more places are refused.
  const fixed = n.toFixed(2)
  return Math.abs(Number(fixed) - n) < 1e-9 ? fixed : String(n)
}

/** Cents → "1234.50" (no grouping): for inputs and request bodies. */
export function centsToPlain(c: bigint): string {
  const neg = c < 0n
  const a = neg ? -c : c
  const yuan = a / 100n
  const fen = String(a % 100n).padStart(2, '0')
  return `${neg ? '-' : ''}${yuan}.${fen}`
}

/** "2,100.00"; '—' when there is no amount. */
export function formatMoney(v: Money): string {
  const c = toCents(v)
  if (c === null) return v == null || v === '' ? '—' : String(v)
  const [int, fen] = centsToPlain(c).split('.')
  const neg = int!.startsWith('-')
  const digits = neg ? int!.slice(1) : int!
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen}`
}

/** The exact sum of decimal amounts as "0.30" (missing values count as zero). */
export function sumMoney(values: readonly Money[]): string {
  let total = 0n
  for (const v of values) total += toCents(v) ?? 0n
  return centsToPlain(total)
}

/** The amount as a plain two-place string ("2100.00"), or null when it is not valid money. */
export function plainMoney(v: Money): string | null {
  const c = toCents(v)
  return c === null ? null : centsToPlain(c)
}
