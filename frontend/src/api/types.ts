// Application-level names for API payloads, derived from the generated `paths` so that they do not
// depend on how the backend names its component schemas.
import type { paths } from './schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never

export type LoginResponse = Json<paths['/api/auth/login']['post']['responses'][200]>
export type User = Json<paths['/api/me']['get']['responses'][200]>
export type Role = User['role']
export type Region = Json<paths['/api/regions']['get']['responses'][200]>[number]
export type Department = Json<paths['/api/departments']['get']['responses'][200]>[number]
export type PlanSummary = Json<paths['/api/plans']['get']['responses'][200]>[number]
export type PlanTargets = Json<paths['/api/plans/{year}/targets']['get']['responses'][200]>
export type RegionTargets = PlanTargets['regions'][number]
export type Targets = PlanTargets['city']
export type AuditPage = Json<paths['/api/audit']['get']['responses'][200]>
export type AuditEntry = AuditPage['items'][number]

export interface Violation {
  field: string
  message: string
  /** File imports: the row (header = row 1) and column at fault. */
  row?: number
  column?: string
}

/** RFC 9457 problem details as the backend sends them (application/problem+json). */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  violations?: Violation[]
}
