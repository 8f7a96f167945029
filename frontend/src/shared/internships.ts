// Internships (见习) and subsidies (见习补贴): labels, dates by month, and which months can be
// confirmed or claimed. Dates are ISO strings (YYYY-MM-DD) and months YYYY-MM, compared as text.
import type { Option } from './enums'

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const INTERNSHIP_STATES: Option[] = [
  { value: 'PENDING', label: '协议待签订' },
  { value: 'SIGNED', label: '已签协议待到岗' },
  { value: 'ON_POST', label: '在岗' },
  { value: 'COMPLETED', label: '完成见习' },
  { value: 'RETAINED_EARLY', label: '提前留用' },
  { value: 'ABNORMAL', label: '非正常结束' },
  { value: 'NO_SHOW', label: '未到岗' },
]

/** States before the intern's arrival: the base records an arrival or a no-show. */
export const AWAITING_ARRIVAL = new Set(['PENDING', 'SIGNED'])

/** Whether the intern has arrived (on post or ended after being on post). */
export function hasArrived(i: { state: string; arrivedOn?: string | null }): boolean {
  return !!i.arrivedOn && !AWAITING_ARRIVAL.has(i.state) && i.state !== 'NO_SHOW'
}

/** An ON_POST internship whose planned end has passed without an end record (待结束). */
export function isToBeClosed(i: { state: string; plannedEnd: string }, today: string): boolean {
  return i.state === 'ON_POST' && i.plannedEnd < today
}

/** The state's label; the server's stateLabel first. */
export function internshipStateLabel(i: { state: string; stateLabel?: string | null }): string {
  return i.stateLabel || INTERNSHIP_STATES.find((s) => s.value === i.state)?.label || i.state
}

export function internshipStateTag(state: string | undefined): TagType {
  switch (state) {
    case 'PENDING':
    case 'SIGNED':
      return 'warning'
    case 'ON_POST':
      return 'primary'
    case 'COMPLETED':
    case 'RETAINED_EARLY':
      return 'success'
    case 'ABNORMAL':
    case 'NO_SHOW':
      return 'danger'
    default:
      return 'info'
  }
}

export const END_TYPES: Option[] = [
  { value: 'COMPLETED', label: '完成见习' },
  { value: 'RETAINED_EARLY', label: '提前留用' },
  { value: 'ABNORMAL', label: '非正常结束' },
]

export const OUTCOMES: Option[] = [
  { value: 'RETAINED', label: '留用' },
  { value: 'EMPLOYED_ELSEWHERE', label: '其他方式就业' },
  { value: 'NOT_EMPLOYED', label: '未就业' },
]

export const OUTCOME_CHANNELS: Option[] = [
  { value: 'BASE_RECOMMENDATION', label: '见习单位推荐' },
  { value: 'PUBLIC_SERVICE', label: '公共就业人才服务机构推荐' },
  { value: 'OWN_SEARCH', label: '自主择业' },
]

export const FUNDING_LEVELS: Option[] = [
  { value: 'CENTRAL', label: '中央' },
  { value: 'CITY', label: '市级' },
  { value: 'DISTRICT', label: '区县级' },
]

export const CLAIM_STATUSES: Option[] = [
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'APPROVED', label: '已核定' },
  { value: 'REJECTED', label: '已驳回' },
  { value: 'PAID', label: '已拨付' },
]

export function claimStatusTag(status: string | undefined): TagType {
  switch (status) {
    case 'SUBMITTED':
      return 'warning'
    case 'APPROVED':
      return 'primary'
    case 'PAID':
      return 'success'
    case 'REJECTED':
      return 'danger'
    default:
      return 'info'
  }
}

// --- dates ---------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0')

/** A local date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function monthOf(date: string): string {
  return date.slice(0, 7)
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return new Date(y!, m!, 0).getDate()
}

/** YYYY-MM shifted by n months. */
export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(y!, m! - 1 + n, 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** The agreement's default planned end: the day before the same date `months` later (6 months from 10-01 → 03-31). */
export function plannedEndFor(startDate: string, months: number): string {
  const [y, m, d] = startDate.split('-').map(Number)
  const target = new Date(y!, m! - 1 + months, 1)
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate()
  const end = new Date(target.getFullYear(), target.getMonth(), Math.min(d!, lastDay))
  end.setDate(end.getDate() - 1)
  return isoDate(end)
}

/** Months from `from` to `to` inclusive, oldest first. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to && out.length < 240; m = addMonthsToMonth(m, 1)) out.push(m)
  return out
}

interface Period {
  state: string
  startDate: string
  /** The day the intern arrived; the on-post period (confirmations, claims) starts here. */
  arrivedOn?: string | null
  plannedEnd: string
  actualEnd?: string | null
}

/** The first day on post: the arrival (the agreement's start when the arrival is not known). */
export function firstDay(i: Period): string {
  return i.arrivedOn || i.startDate
}

/** The last day of the internship: the actual end once ended, else the planned end. */
export function lastDay(i: Period): string {
  return i.actualEnd || i.plannedEnd
}

/** The days of `month` that fall inside the time on post (0 when the month is outside it). */
export function daysInside(i: Period, month: string): number {
  const first = `${month}-01`
  const last = `${month}-${pad(daysInMonth(month))}`
  const from = firstDay(i) > first ? firstDay(i) : first
  const to = lastDay(i) < last ? lastDay(i) : last
  if (from > to) return 0
  return Number(to.slice(8)) - Number(from.slice(8)) + 1
}

/** Working days (Monday to Friday) of `month` on post: the default days present. */
export function workingDaysInside(i: Period, month: string): number {
  const first = `${month}-01`
  const last = `${month}-${pad(daysInMonth(month))}`
  const from = firstDay(i) > first ? firstDay(i) : first
  const to = lastDay(i) < last ? lastDay(i) : last
  if (from > to) return 0
  const [y, m] = month.split('-').map(Number)
  let n = 0
  for (let d = Number(from.slice(8)); d <= Number(to.slice(8)); d++) {
    const wd = new Date(y!, m! - 1, d).getDay()
    if (wd !== 0 && wd !== 6) n++
  }
  return n
}

/** The internship's months on post up to the current one (none before the arrival, none after a no-show). */
export function monthsSoFar(i: Period, today: string): string[] {
  if (AWAITING_ARRIVAL.has(i.state) || i.state === 'NO_SHOW' || !firstDay(i)) return []
  const end = monthOf(lastDay(i)) < monthOf(today) ? monthOf(lastDay(i)) : monthOf(today)
  return monthRange(monthOf(firstDay(i)), end)
}

/**
 * Whether a month can be confirmed (and claimed) on `today`: on post in it and over — the month has
 * ended, or the internship ended within it.
 */
export function monthConfirmable(i: Period, month: string, today: string): boolean {
  if (!monthsSoFar(i, today).includes(month)) return false
  if (month < monthOf(today)) return true
  return !!i.actualEnd && monthOf(i.actualEnd) === month && i.actualEnd <= today
}

// --- confirmations and claims ----------------------------------------------------------------------

export interface MonthRow {
  month: string
  claimable: boolean
  baseConfirmedAt?: string | null
  youthConfirmedAt?: string | null
  youthFlaggedAt?: string | null
}

interface ClaimRow {
  month: string
  status: string
}

/**
 * Months the base can still claim: confirmed by both sides, not flagged by the young person, and
 * without a live claim (a rejected claim does not block a new one). Oldest first.
 */
export function claimableMonths(months: readonly MonthRow[], claims: readonly ClaimRow[]): string[] {
  const claimed = new Set(claims.filter((c) => c.status !== 'REJECTED').map((c) => c.month))
  return months
    .filter((m) => m.claimable && !m.youthFlaggedAt && !!m.baseConfirmedAt && !!m.youthConfirmedAt && !claimed.has(m.month))
    .map((m) => m.month)
    .sort()
}

export interface YouthMonth<R extends MonthRow = MonthRow> {
  month: string
  row: R | null
  /** The young person can still confirm it (over, not yet confirmed nor flagged). */
  confirmable: boolean
  /** The young person can still say they were not on post (not yet flagged). */
  flaggable: boolean
}

/** The internship's months so far (newest first) with what the young person can still do in each. */
export function youthMonths<R extends MonthRow>(i: Period, rows: readonly R[], today: string): YouthMonth<R>[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  return monthsSoFar(i, today)
    .reverse()
    .map((month) => {
      const row = byMonth.get(month) ?? null
      const flagged = !!row?.youthFlaggedAt
      // A month is confirmed (or flagged) only once it is over.
      const over = monthConfirmable(i, month, today)
      return { month, row, confirmable: over && !flagged && !row?.youthConfirmedAt, flaggable: over && !flagged }
    })
}

/** 2026-10 → 2026年10月 */
export function monthLabel(month: string | undefined | null): string {
  if (!month) return '—'
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}
