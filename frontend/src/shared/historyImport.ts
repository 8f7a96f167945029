// The go-live history import (历史数据导入): the template's four sheets and their columns, as the
// backend names them (violations carry `column` as `<sheet>.<field>`, e.g. `internships.plannedEnd`).

export type HistorySheet = 'BASES' | 'POSITIONS' | 'INTERNSHIPS' | 'DISBURSEMENTS'

export const HISTORY_SHEETS: { code: HistorySheet; title: string; columns: Record<string, string> }[] = [
  {
    code: 'BASES',
    title: '见习基地',
    columns: {
      creditCode: '统一社会信用代码',
      name: '单位名称',
      industry: '所属行业',
      ownership: '单位性质',
      contactName: '联系人',
      approvedOn: '备案通过日期',
      revokedOn: '撤销日期',
      revokeReason: '撤销原因',
    },
  },
  {
    code: 'POSITIONS',
    title: '见习岗位',
    columns: {
      legacyId: '原系统岗位编号',
      creditCode: '统一社会信用代码',
      title: '岗位名称',
      category: '岗位类别',
      headcount: '招募人数',
      monthlyAllowance: '月基本生活费',
      durationMonths: '见习期限（月）',
      publishedOn: '首次发布日期',
      deadline: '报名截止日期',
      closedOn: '关闭日期',
      closeReason: '关闭原因',
    },
  },
  {
    code: 'INTERNSHIPS',
    title: '见习人员',
    columns: {
      legacyId: '原系统见习编号',
      idNumber: '身份证号',
      name: '姓名',
      education: '学历',
      graduationDate: '毕业日期',
      positionLegacyId: '原系统岗位编号',
      mentorName: '带教老师',
      startDate: '协议开始日期',
      plannedEnd: '计划结束日期',
      monthlyAllowance: '月基本生活费',
      state: '状态',
      arrivedOn: '到岗日期',
      endDate: '结束日期',
      endReason: '结束原因',
      outcome: '去向',
      outcomeChannel: '就业途径',
    },
  },
  {
    code: 'DISBURSEMENTS',
    title: '补贴拨付',
    columns: {
      internshipLegacyId: '原系统见习编号',
      month: '所属月份',
      approvedAmount: '核定金额',
      paidOn: '拨付日期',
      amount: '拨付金额',
      fundingLevel: '资金层级',
    },
  },
]

export const HISTORY_OUTCOMES: Record<string, string> = { CREATED: '新增', UNCHANGED: '未变' }

/**
 * A violation's column for people: `internships.plannedEnd` → `见习人员 · 计划结束日期`. Unknown
 * columns are shown as sent; request fields (file, sheet, regionCode) map to what the form calls them.
 */
export function historyColumnLabel(column: string | undefined | null, field?: string | null): string {
  const raw = column || field || ''
  if (!raw) return '—'
  const form: Record<string, string> = { file: '文件', sheet: '表', regionCode: '区县' }
  if (form[raw]) return form[raw]!
  const dot = raw.indexOf('.')
  if (dot < 0) return raw
  const sheet = HISTORY_SHEETS.find((s) => s.code.toLowerCase() === raw.slice(0, dot).toLowerCase())
  const header = sheet?.columns[raw.slice(dot + 1)]
  return sheet && header ? `${sheet.title} · ${header}` : raw
}

/** The sheet a CSV holds, guessed from its file name (e.g. 见习基地.csv); null when it does not say. */
export function sheetFromFileName(name: string): HistorySheet | null {
  const lower = name.toLowerCase()
  for (const s of HISTORY_SHEETS) {
    if (name.includes(s.title) || lower.includes(s.code.toLowerCase())) return s.code
  }
  return null
}

export function isCsv(name: string | undefined | null): boolean {
  return !!name && name.toLowerCase().endsWith('.csv')
}
