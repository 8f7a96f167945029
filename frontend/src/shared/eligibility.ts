// 见习对象类别 as the backend decides it (one definition, cq.jianxi.youth.domain.Eligibility); the
// terminals only explain it and never recompute it.

export type YouthCategory = 'UNEMPLOYED_GRADUATE' | 'UNEMPLOYED_YOUTH' | 'NOT_ELIGIBLE'

/** Whether a category may take up an internship (and the base its subsidy). */
export function eligibleCategory(category: string | undefined | null): boolean {
  return category === 'UNEMPLOYED_GRADUATE' || category === 'UNEMPLOYED_YOUTH'
}

/** What the category means for the young person, in the words of the youth terminal. */
export function categoryNotice(category: string | undefined | null, label: string): string {
  if (eligibleCategory(category)) {
    return `你属于就业见习对象（${label}），可以申请见习岗位。`
  }
  return (
    '根据登记信息，你目前不符合见习补贴对象条件（离校2年内未就业高校毕业生或16–24岁失业青年），' +
    '仍可浏览岗位，但暂不能参加就业见习。如登记信息有误，可在“我的—编辑资料”中修改。'
  )
}
