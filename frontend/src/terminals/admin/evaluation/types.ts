import type { components } from '@/api/schema'

/** The evaluation's payloads as the contract names them. */
export type ScoreSheet = components['schemas']['ScoreSheet']
export type ScoreLine = components['schemas']['ScoreLine']
export type EvaluationTable = components['schemas']['EvaluationTable']
export type EvaluationRow = components['schemas']['EvaluationRow']
export type EvaluationScheme = components['schemas']['EvaluationScheme']
export type EvaluationCriterion = components['schemas']['EvaluationCriterion']
export type DemonstrationAward = components['schemas']['DemonstrationAward']
export type EvaluationProgress = components['schemas']['EvaluationProgress']
export type AwardStage = DemonstrationAward['stage']

/** The year under evaluation by default: the current one in Chongqing time. */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
}

/** A rate as a percentage with one decimal, or a dash when the records have none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`
}

/** What a line measured, in words: numerator / denominator = input. */
export function measured(line: ScoreLine): string {
  if (line.kind === 'MANUAL') {
    return line.percent === null || line.percent === undefined ? '未评分' : `${line.percent}%`
  }
  if (line.metric === 'SATISFACTION') {
    return line.input === null || line.input === undefined
      ? `${line.numeratorLabel} 0`
      : `${line.numeratorLabel} ${line.numerator}，平均 ${line.input.toFixed(2)} 分`
  }
  const fraction = `${line.numeratorLabel} ${line.numerator ?? 0} / ${line.denominatorLabel} ${line.denominator ?? '—'}`
  return `${fraction} = ${percent(line.input)}`
}

export const STAGE_NEXT: Record<string, { stage: AwardStage; label: string; role: 'DISTRICT_ADMIN' | 'CITY_ADMIN' }> = {
  DISTRICT: { stage: 'CITY_NOMINATED', label: '推荐参评市级', role: 'DISTRICT_ADMIN' },
  CITY_NOMINATED: { stage: 'CITY', label: '评为市级示范', role: 'CITY_ADMIN' },
  CITY: { stage: 'NATIONAL_RECOMMENDED', label: '推荐参评国家级', role: 'CITY_ADMIN' },
  NATIONAL_RECOMMENDED: { stage: 'NATIONAL', label: '记录入选国家级', role: 'CITY_ADMIN' },
}
