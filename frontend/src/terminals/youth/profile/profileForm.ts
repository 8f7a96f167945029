import type { CurrentStatus, EducationLevel } from '../../../api/types'
import type { Youth, YouthProfile } from '@/api/types'
import { residentIdProblem } from '@/shared/residentId'

/** The editable profile as the forms hold it (empty strings for "not filled"). */
export interface ProfileForm {
  name: string
  idNumber: string
  phone: string
  regionCode: string
  education: string
  school: string
  major: string
  graduationDate: string
  currentStatus: string
  internshipIntention: boolean
  trainingIntention: boolean
  preferredRegions: string[]
  preferredCategories: string[]
}

export const PROFILE_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'regionCode',
  'education',
  'school',
  'major',
  'graduationDate',
  'currentStatus',
  'internshipIntention',
  'trainingIntention',
  'preferredRegions',
  'preferredCategories',
] as const

export function emptyProfile(): ProfileForm {
  return {
    name: '',
    idNumber: '',
    phone: '',
    regionCode: '',
    education: '',
    school: '',
    major: '',
    graduationDate: '',
    currentStatus: 'UNEMPLOYED',
    internshipIntention: true,
    trainingIntention: false,
    preferredRegions: [],
    preferredCategories: [],
  }
}

export function profileOf(y: Youth): ProfileForm {
  return {
    name: y.name,
    idNumber: y.idNumber,
    phone: y.phone,
    regionCode: y.regionCode ?? '',
    education: y.education ?? '',
    school: y.school ?? '',
    major: y.major ?? '',
    graduationDate: y.graduationDate ?? '',
    currentStatus: y.currentStatus,
    internshipIntention: y.internshipIntention,
    trainingIntention: y.trainingIntention,
    preferredRegions: [...y.preferredRegions],
    preferredCategories: [...y.preferredCategories],
  }
}

export function toProfile(f: ProfileForm): YouthProfile {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined)
  return {
    name: f.name.trim(),
    idNumber: f.idNumber.trim().toUpperCase(),
    phone: f.phone.trim(),
    regionCode: opt(f.regionCode),
    education: f.education as EducationLevel,
    school: opt(f.school),
    major: opt(f.major),
    graduationDate: opt(f.graduationDate),
    currentStatus: f.currentStatus as CurrentStatus,
    internshipIntention: f.internshipIntention,
    trainingIntention: f.trainingIntention,
    preferredRegions: [...f.preferredRegions],
    preferredCategories: [...f.preferredCategories],
  }
}

export const PHONE_PATTERN = /^1[3-9]\d{9}$/

/** Client-side checks (the server checks again); field → Chinese message. */
export function profileProblems(f: ProfileForm, checkId = true): Record<string, string> {
  const e: Record<string, string> = {}
  if (!f.name.trim()) e.name = '请输入姓名'
  if (checkId) {
    const id = residentIdProblem(f.idNumber)
    if (id) e.idNumber = id
  }
  if (!PHONE_PATTERN.test(f.phone.trim())) e.phone = '请输入 11 位手机号'
  if (!f.regionCode) e.regionCode = '请选择居住地区县'
  if (!f.education) e.education = '请选择学历'
  if (!f.currentStatus) e.currentStatus = '请选择当前状态'
  if (f.internshipIntention && !f.preferredCategories.length) e.preferredCategories = '请至少选择一个意向岗位类别'
  return e
}
