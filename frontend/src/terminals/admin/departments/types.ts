// Payloads of the departments' own work (Annex 1), derived from the generated contract.
import type { paths } from '@/api/schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never

export type DepartmentQuota = Json<paths['/api/department-work/{code}/quota']['get']['responses'][200]>
export type RecommendedBasePage = Json<paths['/api/department-work/{code}/bases']['get']['responses'][200]>
export type QuotaPositionPage = Json<paths['/api/department-work/{code}/positions']['get']['responses'][200]>
export type GraduateServicePage = Json<paths['/api/department-work/graduates']['get']['responses'][200]>
export type SchoolService = GraduateServicePage['totals']
export type CampaignPage = Json<paths['/api/department-work/campaigns']['get']['responses'][200]>
export type Campaign = CampaignPage['items'][number]
export type CampaignCreated = Json<paths['/api/campaigns']['post']['responses'][201]>
export type SubsidyFunds = Json<paths['/api/subsidy-funds']['get']['responses'][200]>
export type RegionFunds = SubsidyFunds['city']

/** The six departments with a position quota (市科技局, 市经济信息委, 市民政局, 市商务委, 市国资委, 市工商联). */
export const QUOTA_DEPARTMENTS = ['KJJ', 'JXW', 'MZJ', 'SWW', 'GZW', 'GSL'] as const
export const EDUCATION = 'JW'
export const YOUTH_LEAGUE = 'TSW'
/** Read the subsidy funds: 市财政局 and 市人社局's department account (and the city admin). */
export const FUNDS_DEPARTMENTS = ['CZJ', 'RSJ']

export function isQuotaDepartment(code: string | null | undefined): boolean {
  return !!code && (QUOTA_DEPARTMENTS as readonly string[]).includes(code)
}

/** The share link of a campaign on this site. */
export function shareLink(sharePath: string, origin = window.location.origin): string {
  return origin + sharePath
}

export function yuan(v: number | string | null | undefined): string {
  const n = Number(v ?? 0)
  return n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
