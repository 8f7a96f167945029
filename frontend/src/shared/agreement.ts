/** The standard terms of the internship agreement (甲方 the base, 乙方 the intern): printed by the base, read on the phone. */
export const AGREEMENT_TERMS: readonly string[] = [
  '甲方为乙方提供见习岗位，安排带教老师指导，按月足额发放不低于当地最低工资标准的基本生活费，并为乙方办理人身意外伤害保险。',
  '乙方遵守甲方规章制度，按时到岗，服从带教老师安排；每月在“见习通”确认在岗情况。',
  '见习期满，甲方为乙方出具见习证明；甲方可优先留用乙方。见习补贴由甲方按月申领，乙方可在“见习通”查看申领和拨付情况。',
  '本协议一式三份，甲乙双方和所在区县人力社保部门各执一份，自双方签字（盖章）之日起生效。',
]
