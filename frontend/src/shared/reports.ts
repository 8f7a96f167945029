// Monthly reports (月报): labels, the default period, and what the page may offer given a report and today.
// Dates are ISO strings (YYYY-MM-DD) and periods YYYY-MM, compared as text.
import type { Option } from './enums'

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const REPORT_STATUSES: Option[] = [
  { value: 'DRAFT', label: '填报中' },
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'ACCEPTED', label: '已通过' },
  { value: 'RETURNED', label: '已退回' },
  { value: 'SUPERSEDED', label: '已被更正' },
  { value: 'OPEN', label: '未关账' },
  { value: 'CLOSED', label: '已关账' },
]

/** Where the city's figures for a region come from. */
export const REPORT_SOURCE_KINDS: Option[] = [
  { value: 'ACCEPTED', label: '已通过' },
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'LIVE', label: '未提交（按当前记录）' },
]

export function reportSourceTag(kind: string | undefined | null): TagType {
  return kind === 'ACCEPTED' ? 'success' : kind === 'SUBMITTED' ? 'warning' : 'info'
}

/** 已通过 N、待审核 N、未提交（按当前记录）N */
export function sourcesSummary(sources: readonly { kind: string }[]): string {
  const n = (k: string) => sources.filter((s) => s.kind === k).length
  return `已通过 ${n('ACCEPTED')}、待审核 ${n('SUBMITTED')}、未提交（按当前记录）${n('LIVE')}`
}

/** The drift of one cell, as “提交值 → 当前值”. */
export function driftText(d: { frozen?: number | null; current?: number | null }): string {
  const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x))
  return `${v(d.frozen)} → ${v(d.current)}`
}

export function reportStatusTag(status: string | undefined | null): TagType {
  switch (status) {
    case 'SUBMITTED':
      return 'warning'
    case 'ACCEPTED':
    case 'CLOSED':
      return 'success'
    case 'RETURNED':
      return 'danger'
    default:
      return 'info'
  }
}

export const ACTIVITY_KINDS: Option[] = [
  { value: 'MATCHING_ONLINE', label: '线上对接' },
  { value: 'MATCHING_OFFLINE', label: '线下对接' },
  { value: 'POLICY_SESSION', label: '政策宣讲' },
]

export const ATTACHMENT_KINDS: Option[] = [
  { value: 'LEDGER', label: '台账' },
  { value: 'SIGN_IN', label: '签到表' },
  { value: 'PHOTO', label: '照片' },
  { value: 'OTHER', label: '其他' },
]

const pad = (n: number) => String(n).padStart(2, '0')

/** The calendar month before the one `today` (YYYY-MM-DD) falls in. */
export function previousPeriod(today: string): string {
  const [y, m] = today.split('-').map(Number)
  const d = new Date(y!, m! - 2, 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** The last day of a period (YYYY-MM). */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number)
  return `${period}-${pad(new Date(y!, m!, 0).getDate())}`
}

export interface ReportLike {
  period: string
  status: string
  dueDate?: string | null
  violations: readonly unknown[]
}

export interface ReportStanding {
  /** The month has ended (the server refuses earlier submissions). */
  monthEnded: boolean
  /** The district's report is open for a (first or renewed) submission: draft or returned. */
  editable: boolean
  /** 提交 is allowed: district, open or accepted status, month ended, no violations. */
  canSubmit: boolean
  /** The submission would be a correction of an accepted report (提交更正, with a reason). */
  correction: boolean
  /** Why 提交 is not allowed (empty when it is). */
  submitBlockedReason: string
  /** Reminder: the previous month is not yet submitted (from the 1st of the following month). */
  reminder: boolean
  /** Red banner: not submitted and today is past the due date. */
  overdue: boolean
}

const OPEN = new Set(['DRAFT', 'RETURNED'])

/** What the monthly report page offers for a report seen by a district (`canFill`) on `today` (YYYY-MM-DD). */
export function reportStanding(report: ReportLike, today: string, canFill: boolean): ReportStanding {
  const monthEnded = today > periodEnd(report.period)
  const open = OPEN.has(report.status)
  const editable = canFill && open
  const correction = canFill && report.status === 'ACCEPTED'
  let submitBlockedReason = ''
  if (!canFill) submitBlockedReason = '仅区县管理员可提交本区县月报'
  else if (!open && !correction) submitBlockedReason = '月报已提交，等待市人社局审核'
  else if (!monthEnded) submitBlockedReason = '统计月份尚未结束'
  else if (report.violations.length) submitBlockedReason = '请先处理校验未通过的项目'
  const pending = open && monthEnded
  const overdue = pending && !!report.dueDate && today > report.dueDate
  return {
    monthEnded,
    editable,
    canSubmit: !submitBlockedReason,
    correction,
    submitBlockedReason,
    reminder: canFill && pending && !overdue,
    overdue,
  }
}

/** A file name from a Content-Disposition header (RFC 5987 filename* first), or the fallback. */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)
  return plain?.[1]?.trim() || fallback
}
