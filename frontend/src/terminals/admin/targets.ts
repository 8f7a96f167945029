import type { RegionTargets, Targets } from '@/api/types'

export type TargetKey = keyof Targets

/** The Annex 2 indicators in their order, with the table headings. */
export const TARGET_COLUMNS: { key: TargetKey; label: string }[] = [
  { key: 'newBases', label: '新增见习基地' },
  { key: 'newKeyEnterpriseBases', label: '其中重点企业' },
  { key: 'positions', label: '募集见习岗位' },
  { key: 'participants', label: '组织见习人数' },
  { key: 'policySessions', label: '政策宣讲' },
  { key: 'matchingEvents', label: '供需对接活动' },
  { key: 'typicalPersons', label: '选树典型人物' },
  { key: 'nationalNominations', label: '推荐国家级' },
]

/** Column-wise sum of region rows (the 全市合计 row). */
export function sumTargets(rows: readonly Targets[]): Targets {
  const total = Object.fromEntries(TARGET_COLUMNS.map((c) => [c.key, 0])) as Targets
  for (const row of rows) {
    for (const { key } of TARGET_COLUMNS) total[key] += Number(row[key] ?? 0)
  }
  return total
}

export type { RegionTargets }
