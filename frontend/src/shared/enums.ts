// Request enums (English codes) with their Chinese labels, in the order forms offer them.

export interface Option {
  value: string
  label: string
}

export const POSITION_CATEGORIES: Option[] = [
  { value: 'RESEARCH', label: '科研类' },
  { value: 'TECHNICAL', label: '技术技能类' },
  { value: 'SOCIAL_SERVICE', label: '社会服务类' },
  { value: 'MANAGEMENT', label: '管理类' },
  { value: 'OTHER', label: '其他' },
]

export const EDUCATIONS: Option[] = [
  { value: 'ANY', label: '不限' },
  { value: 'SECONDARY', label: '中专/高中' },
  { value: 'JUNIOR_COLLEGE', label: '大专' },
  { value: 'BACHELOR', label: '本科' },
  { value: 'MASTER', label: '硕士' },
  { value: 'DOCTOR', label: '博士' },
]

export const OWNERSHIPS: Option[] = [
  { value: 'STATE_OWNED', label: '国有' },
  { value: 'PRIVATE', label: '民营' },
  { value: 'FOREIGN', label: '外资' },
  { value: 'PUBLIC_INSTITUTION', label: '事业单位' },
  { value: 'SOCIAL_ORGANIZATION', label: '社会组织' },
  { value: 'OTHER', label: '其他' },
]

export const BASE_STATUSES: Option[] = [
  { value: 'PENDING', label: '待审核' },
  { value: 'APPROVED', label: '已备案' },
  { value: 'REJECTED', label: '未通过' },
]

export const BASE_SOURCES: Record<string, string> = {
  SELF: '单位自主申请',
  DISTRICT: '区县直接备案',
  DEPARTMENT: '市级部门推荐',
}

export const POSITION_STATUSES: Option[] = [
  { value: 'DRAFT', label: '草稿' },
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'PUBLISHED', label: '已发布' },
  { value: 'REJECTED', label: '已驳回' },
  { value: 'CLOSED', label: '已关闭' },
]

export const CLOSE_REASONS: Record<string, string> = {
  FILLED: '已招满',
  EXPIRED: '已过截止日期',
  WITHDRAWN: '基地撤回',
}

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function baseStatusTag(status: string | undefined): TagType {
  return status === 'APPROVED' ? 'success' : status === 'REJECTED' ? 'danger' : 'warning'
}

export function positionStatusTag(status: string | undefined): TagType {
  switch (status) {
    case 'PUBLISHED':
      return 'success'
    case 'SUBMITTED':
      return 'warning'
    case 'REJECTED':
      return 'danger'
    case 'DRAFT':
      return 'primary'
    default:
      return 'info'
  }
}

export function labelOf(options: Option[], value: string | undefined | null): string {
  return options.find((o) => o.value === value)?.label ?? value ?? ''
}

/** Money as 元 without trailing zeros: 2000 → "2,000", 1850.5 → "1,850.5". */
export function formatYuan(n: number | undefined | null): string {
  if (n == null) return '—'
  return Number(n).toLocaleString('zh-CN', { maximumFractionDigits: 2 })
}

export function formatDateTime(s: string | undefined | null): string {
  if (!s) return '—'
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
