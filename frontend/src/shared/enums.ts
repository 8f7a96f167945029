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
  BASE_REVOKED: '基地备案已撤销',
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

/** A timestamp the one way every page shows it: 2026-12-02 09:05 (with seconds where the order matters). */
export function formatDateTime(s: string | undefined | null, seconds = false): string {
  if (!s) return '—'
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  const p = (n: number) => String(n).padStart(2, '0')
  const time = `${p(d.getHours())}:${p(d.getMinutes())}${seconds ? `:${p(d.getSeconds())}` : ''}`
  return `${formatDate(s)} ${time}`
}

/** A day as 2026-12-02, from a date or a timestamp. */
export function formatDate(s: string | undefined | null): string {
  if (!s) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

// --- young people ----------------------------------------------------------------------------------

/** Education levels of a person (the position's 不限 is not one). */
export const YOUTH_EDUCATIONS: Option[] = EDUCATIONS.filter((e) => e.value !== 'ANY')

export const CURRENT_STATUSES: Option[] = [
  { value: 'UNEMPLOYED', label: '未就业' },
  { value: 'EMPLOYED', label: '已就业' },
  { value: 'STUDYING', label: '在读' },
]

export const HARDSHIPS: Option[] = [
  { value: 'LOW_INCOME', label: '低保家庭' },
  { value: 'POVERTY_ALLEVIATED', label: '脱贫家庭' },
  { value: 'DISABLED', label: '残疾' },
  { value: 'ZERO_EMPLOYMENT', label: '零就业家庭' },
  { value: 'OTHER', label: '其他' },
]

/** 见习对象类别, decided by the backend (Eligibility); NOT_ELIGIBLE may register and browse but not become an intern. */
export const YOUTH_CATEGORIES: Option[] = [
  { value: 'UNEMPLOYED_GRADUATE', label: '离校2年内未就业高校毕业生' },
  { value: 'UNEMPLOYED_YOUTH', label: '16–24岁失业青年' },
  { value: 'NOT_ELIGIBLE', label: '不符合见习补贴对象条件' },
]

export const YOUTH_SOURCES: Record<string, string> = {
  SELF: '本人注册',
  ROSTER: '教育部门共享名单',
  STAFF: '工作人员登记',
}

export const SERVICE_KINDS: Option[] = [
  { value: 'POSITION_PUSH', label: '岗位推送' },
  { value: 'CAREER_GUIDANCE', label: '职业指导' },
  { value: 'TRAINING_REFERRAL', label: '培训推荐' },
  { value: 'PHONE_FOLLOW_UP', label: '电话回访' },
]

// --- applications ----------------------------------------------------------------------------------

export const APPLICATION_STATUSES: Option[] = [
  { value: 'SUBMITTED', label: '已投递' },
  { value: 'SCREENING', label: '筛选中' },
  { value: 'INTERVIEW', label: '待面试' },
  { value: 'OFFERED', label: '已录用待确认' },
  { value: 'ACCEPTED', label: '已接受' },
  { value: 'REJECTED', label: '未通过' },
  { value: 'WITHDRAWN', label: '已撤回' },
]

/** Applications that still hold the applicant's place for the position (one per position). */
export const ACTIVE_APPLICATION_STATUSES = ['SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED', 'ACCEPTED']

/** States the applicant can still withdraw from. */
export const WITHDRAWABLE_STATUSES = ['SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED']

export function applicationStatusTag(status: string | undefined): TagType {
  switch (status) {
    case 'OFFERED':
    case 'ACCEPTED':
      return 'success'
    case 'INTERVIEW':
      return 'warning'
    case 'REJECTED':
      return 'danger'
    case 'WITHDRAWN':
      return 'info'
    default:
      return 'primary'
  }
}

// --- imports ---------------------------------------------------------------------------------------

export const IMPORT_KINDS: Record<string, string> = {
  GRADUATE_ROSTER: '高校毕业生名单',
  ENTERPRISE_STATUS: '企业经营状态',
}

export const IMPORT_STATUSES: Record<string, string> = {
  PROCESSING: '处理中',
  COMPLETED: '已完成',
  FAILED: '失败',
}

export function formatPercent(rate: number | undefined | null, digits = 1): string {
  if (rate == null || Number.isNaN(rate)) return '—'
  return `${(rate * 100).toFixed(digits).replace(/\.0+$/, '')}%`
}
