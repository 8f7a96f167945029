// The annual implementation report (年度计划实施情况报告) as a submission: types from the contract, labels,
// and what a page may offer a caller for a region's report.
import type { components } from '@/api/schema'

type Schemas = components['schemas']
export type AnnualRegionReport = Schemas['AnnualRegionReport']
export type AnnualReportVersion = Schemas['AnnualReportVersion']
export type AnnualReportFigures = Schemas['AnnualReportFigures']
export type AnnualReportFigure = Schemas['AnnualReportFigure']
export type AnnualReportOverview = Schemas['AnnualReportOverview']
export type AnnualReportStanding = Schemas['AnnualReportStanding']
export type AnnualCompiledReport = Schemas['AnnualCompiledReport']
export type AnnualReportStatus = AnnualRegionReport['status']

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export type FigureKey =
  | 'newBases'
  | 'newKeyEnterpriseBases'
  | 'positions'
  | 'participants'
  | 'policySessions'
  | 'matchingEvents'
  | 'typicalPersons'
  | 'nationalNominations'

/** The eight Annex 2 columns, in the notice's order. */
export const ANNUAL_FIGURES: { key: FigureKey; label: string }[] = [
  { key: 'newBases', label: '新增见习基地' },
  { key: 'newKeyEnterpriseBases', label: '其中重点企业' },
  { key: 'positions', label: '募集见习岗位' },
  { key: 'participants', label: '组织见习人数' },
  { key: 'policySessions', label: '政策宣讲' },
  { key: 'matchingEvents', label: '供需对接活动' },
  { key: 'typicalPersons', label: '选树典型人物' },
  { key: 'nationalNominations', label: '推荐国家级典型' },
]

/** The narrative's three parts, with their limits (as the server checks them). */
export const NARRATIVE_PARTS = [
  { key: 'workDone', label: '一、年度工作开展情况', max: 5000, testid: 'annual-narrative-work' },
  { key: 'problems', label: '二、存在的问题', max: 3000, testid: 'annual-narrative-problems' },
  { key: 'nextYearPlan', label: '三、下一年度工作计划', max: 3000, testid: 'annual-narrative-next' },
] as const
export type NarrativeKey = (typeof NARRATIVE_PARTS)[number]['key']
export type Narrative = Record<NarrativeKey, string>

const STATUS_LABELS: Record<string, string> = {
  DRAFT: '未提交',
  SUBMITTED: '待审核',
  RETURNED: '已退回',
  ACCEPTED: '已通过',
}

export function annualStatusLabel(status: string | undefined | null): string {
  return (status && STATUS_LABELS[status]) || '未提交'
}

export function annualStatusTag(status: string | undefined | null): TagType {
  return status === 'ACCEPTED' ? 'success' : status === 'SUBMITTED' ? 'warning' : status === 'RETURNED' ? 'danger' : 'info'
}

export function achievedText(f: AnnualReportFigure | undefined | null): string {
  if (!f) return '—'
  return f.achieved === null || f.achieved === undefined ? '平台不统计' : String(f.achieved)
}

/** Achieved over target as a percentage, or '—' where nothing is recorded or there is no target. */
export function completionText(f: AnnualReportFigure | undefined | null): string {
  if (!f || f.achieved === null || f.achieved === undefined || !f.target) return '—'
  return `${((f.achieved / f.target) * 100).toFixed(1)}%`
}

/** The figures the report shows: frozen once submitted (and not returned), else today's records. */
export function shownFigures(r: AnnualRegionReport): AnnualReportFigures {
  return r.current && r.status !== 'RETURNED' ? r.current.figures : r.live
}

export interface AnnualActions {
  /** The district may fill in and submit (first time or after a return). */
  canSubmit: boolean
  /** Why the form is closed, when the district looks at its own report. */
  submitBlockedReason: string
  /** The city may accept or return the waiting version. */
  canReview: boolean
}

/** What a caller may do with a region's report: districts submit their own, the city reviews. */
export function annualActions(r: AnnualRegionReport, role: string | undefined | null, ownRegion: string | undefined | null): AnnualActions {
  const own = role === 'DISTRICT_ADMIN' && ownRegion === r.regionCode
  const editable = r.status === 'DRAFT' || r.status === 'RETURNED'
  let reason = ''
  if (own && editable && !r.submissionOpen) reason = `${r.year} 年度报告自 ${r.opensOn} 起提交`
  else if (own && r.status === 'SUBMITTED') reason = '已提交，等待市人社局审核'
  else if (own && r.status === 'ACCEPTED') reason = '已审核通过（最终版本）'
  return {
    canSubmit: own && editable && r.submissionOpen,
    submitBlockedReason: reason,
    canReview: role === 'CITY_ADMIN' && r.status === 'SUBMITTED',
  }
}

/** The form's starting text: the newest version's narrative (a returned report is revised, not retyped). */
export function narrativeOf(v: AnnualReportVersion | null | undefined): Narrative {
  return { workDone: v?.workDone ?? '', problems: v?.problems ?? '', nextYearPlan: v?.nextYearPlan ?? '' }
}

/** The field problems of a narrative before it is sent; empty when it may be submitted. */
export function narrativeErrors(n: Narrative): Partial<Record<NarrativeKey, string>> {
  const errors: Partial<Record<NarrativeKey, string>> = {}
  for (const part of NARRATIVE_PARTS) {
    const text = n[part.key].trim()
    if (!text) errors[part.key] = `请填写${part.label.slice(2)}`
    else if (n[part.key].length > part.max) errors[part.key] = `${part.label.slice(2)}不能超过 ${part.max} 个字符`
  }
  return errors
}
