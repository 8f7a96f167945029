// Application-level names for API payloads, derived from the generated `paths` so that they do not
// depend on how the backend names its component schemas.
import type { components, operations, paths } from './schema'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never

export type LoginResponse = Json<paths['/api/auth/login']['post']['responses'][200]>
export type LoginStatus = LoginResponse['status']
export type SecondFactorStatus = Json<paths['/api/me/second-factor']['get']['responses'][200]>
export type SecondFactorEnrolment = Json<paths['/api/auth/login/enrolment']['post']['responses'][200]>
export type RecoveryCodes = Json<paths['/api/me/second-factor/recovery-codes']['post']['responses'][200]>
/** A second factor: the app's current code, or else one recovery code. */
export type SecondFactorProof = { code: string } | { recoveryCode: string }
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

// --- recruitment ---------------------------------------------------------------------------------
type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q }
}
  ? NonNullable<Q>
  : never
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never

export type BasePage = Json<paths['/api/bases']['get']['responses'][200]>
export type Base = BasePage['items'][number]
export type Employer = Base['employer']
export type BaseQuery = Query<'/api/bases', 'get'>
export type FilingApplication = Body<'/api/bases/applications', 'post'>
export type PositionPage = Json<paths['/api/positions']['get']['responses'][200]>
export type Position = PositionPage['items'][number]
export type PositionQuery = Query<'/api/positions', 'get'>
export type ManageQuery = Query<'/api/positions/manage', 'get'>
export type PositionDraft = Body<'/api/positions', 'post'>
export type RecruitmentDashboard = Json<paths['/api/dashboard/recruitment']['get']['responses'][200]>
export type RegionProgress = RecruitmentDashboard['regions'][number]
export type DepartmentProgress = RecruitmentDashboard['departments'][number]
export type PlanProgress = RecruitmentDashboard['plan']
export type ScopeProgress = PlanProgress['regions'][number]
export type ColumnProgress = ScopeProgress['columns'][number]
export type TargetColumn = ColumnProgress['column']
export type ScheduleScope = ScopeProgress['kind']
export type MilestoneSchedule = Json<paths['/api/plans/{year}/schedules/{kind}/{code}']['get']['responses'][200]>
export type PublicBase = Json<paths['/api/public/bases/{id}']['get']['responses'][200]>
export type UpcomingActivityPage = Json<paths['/api/public/activities']['get']['responses'][200]>
export type UpcomingActivity = UpcomingActivityPage['items'][number]
export type KeyEnterprise = Json<paths['/api/key-enterprises']['get']['responses'][200]>[number]
export type KeyEnterpriseCategory = Json<paths['/api/key-enterprise-categories']['get']['responses'][200]>[number]
export type KeyEnterpriseImportResult = Json<paths['/api/key-enterprises/import']['post']['responses'][200]>

// --- young people, applications, services, imports, notifications ---------------------------------
type Schemas = components['schemas']

export type Youth = Json<paths['/api/youth/me']['get']['responses'][200]>
export type YouthPage = Json<paths['/api/youth']['get']['responses'][200]>
export type YouthQuery = Query<'/api/youth', 'get'>
export type YouthProfile = Body<'/api/youth/me', 'put'>
export type YouthRegistration = Body<'/api/youth/register', 'post'>
export type YouthStatistics = Json<paths['/api/youth/statistics']['get']['responses'][200]>
export type Recommendation = Json<paths['/api/youth/me/recommendations']['get']['responses'][200]>[number]
export type Application = Json<paths['/api/applications/{id}']['get']['responses'][200]>
export type ApplicationTransition = Body<'/api/applications/{id}/transitions', 'post'>
export type NotificationPage = Json<paths['/api/notifications']['get']['responses'][200]>
export type Notification = NotificationPage['items'][number]
export type ServiceRecord = Json<paths['/api/services']['get']['responses'][200]>[number]
export type ServiceRequest = Body<'/api/services', 'post'>
export type ServiceRate = Json<paths['/api/service-rate']['get']['responses'][200]>
export type RegionServiceRate = ServiceRate['regions'][number]
export type UnservedYouth = ServiceRate['unserved'][number]
/** The upload endpoints answer 202 with the batch; the contract leaves that body untyped. */
export type ImportBatch = Schemas['ImportBatch']
export type BatchPaymentResult = Schemas['BatchPaymentResult']

// --- internships and subsidies -------------------------------------------------------------------
export type Internship = Json<paths['/api/internships/{id}']['get']['responses'][200]>
export type InternshipQuery = Query<'/api/internships', 'get'>
export type InternshipAgreement = Body<'/api/internships/{id}/agreement', 'post'>
export type InternshipEnd = Body<'/api/internships/{id}/end', 'post'>
export type InternshipArrival = Body<'/api/internships/{id}/arrival', 'post'>
export type InternshipNoShow = Body<'/api/internships/{id}/no-show', 'post'>
export type OfflineInternship = Body<'/api/internships/offline', 'post'>
export type InternshipsToBeClosed = Json<paths['/api/internships/to-be-closed']['get']['responses'][200]>
export type InternshipOutcome = Body<'/api/internships/{id}/outcome', 'post'>
export type InternshipMonth = Json<paths['/api/internships/{id}/months']['get']['responses'][200]>[number]
export type SubsidyClaim = Json<paths['/api/subsidy-claims']['get']['responses'][200]>['items'][number]
export type Disbursement = Json<paths['/api/subsidy-claims/{id}/disbursements']['get']['responses'][200]>[number]
export type DisbursementRequest = Body<'/api/subsidy-claims/{id}/disbursements', 'post'>
export type SubsidyRate = Json<paths['/api/subsidy-rates']['get']['responses'][200]>[number]
export type SubsidyRateRequest = Body<'/api/subsidy-rates/{year}', 'put'>
export type SubsidyTotal = Json<paths['/api/subsidy-totals']['get']['responses'][200]>[number]
export type Indicator = Json<paths['/api/indicators/internships']['get']['responses'][200]>[number]

// --- activities and reports ----------------------------------------------------------------------
export type Activity = Schemas['Activity']
export type ActivityRequest = Schemas['ActivityRequest']
export type ActivityAttachment = Schemas['ActivityAttachment']
export type MonthlyReport = Schemas['MonthlyReport']
export type MonthlyReportVersion = Schemas['MonthlyReportVersion']
export type MonthlyReportStanding = Schemas['MonthlyReportStanding']
export type ReportCell = Schemas['ReportCell']
export type ReportViolation = Schemas['ReportViolation']
export type ReportDrift = Schemas['ReportDrift']
export type ReportSource = Schemas['ReportSource']
export type OnPostReconciliation = Schemas['OnPostReconciliation']
export type MonthlyReportSubmission = Body<'/api/reports/monthly/{regionCode}/{period}/submit', 'post'>
export type CityMonthClose = Schemas['CityMonthClose']
export type AnnualReport = Schemas['AnnualReport']
export type AnnualRegion = Schemas['AnnualRegion']
export type ReportFigure = Schemas['Figure']
export type HolidayCalendar = Schemas['HolidayCalendar']

// --- history import (go-live) --------------------------------------------------------------------
export type HistoryImportResult = Schemas['HistoryImportResult']
export type HistoryImportRow = Schemas['HistoryImportRow']

export type AccountPage = Json<paths['/api/accounts']['get']['responses'][200]>
export type Account = AccountPage['items'][number]
export type CreatedAccount = Json<paths['/api/accounts/{id}/password-reset']['post']['responses'][200]>
export type YouthClaimPage = Json<paths['/api/youth/claims']['get']['responses'][200]>
export type YouthClaim = YouthClaimPage['items'][number]
// --- audit integrity and privacy -----------------------------------------------------------------
export type AuditVerification = Json<paths['/api/audit/verification']['get']['responses'][200]>
export type ConsentText = Json<paths['/api/privacy/consent-text']['get']['responses'][200]>
export type ConsentPage = Json<paths['/api/privacy/me/consents']['get']['responses'][200]>
export type ConsentRecord = ConsentPage['items'][number]
export type DeletionTerms = Json<paths['/api/privacy/deletion-terms']['get']['responses'][200]>
export type DeletionRequestPage = Json<paths['/api/privacy/deletion-requests']['get']['responses'][200]>
export type DeletionRequest = DeletionRequestPage['items'][number]
export type DeletionStatus = components['schemas']['DeletionStatus']

// --- base certification (认定) ---------------------------------------------------------------------
export type BaseCertification = Json<paths['/api/bases/{id}/certification']['get']['responses'][200]>
export type BaseFile = BaseCertification['documents'][number]
export type BaseInspection = BaseCertification['inspections'][number]
export type BaseRejection = BaseCertification['rejections'][number]
export type InspectionRequest = Body<'/api/bases/{id}/inspections', 'post'>
export type FilingCorrection = Body<'/api/bases/{id}/filing', 'put'>
export type CertifiedBasePage = Json<paths['/api/public/bases']['get']['responses'][200]>
export type CertifiedBase = CertifiedBasePage['items'][number]

// Codes the contract publishes as enums: forms hold them as these unions so a typo fails the build.
export type Ownership = Schemas['FilingApplication']['ownership']
export type InternshipState = Schemas['Internship']['state']
export type InternshipEndType = Schemas['InternshipEnd']['type']
export type InternshipOutcomeCode = Schemas['InternshipOutcome']['outcome']
export type BaseStatus = Schemas['BaseStatus']
export type PositionStatus = Schemas['PositionStatus']
export type PositionCategory = Schemas['PositionCategory']
export type PositionEducation = Schemas['Education']
export type EducationLevel = Schemas['YouthProfile']['education']
export type CurrentStatus = Schemas['YouthProfile']['currentStatus']
export type ServiceKind = Schemas['ServiceRequest']['kind']
export type Hardship = NonNullable<Schemas['HardshipRequest']['hardship']>[number]
export type ApplicationStatus = Schemas['ApplicationStatus']
export type ActivityKind = Schemas['ActivityRequest']['kind']
export type FundingLevel = Schemas['DisbursementRequest']['fundingLevel']
export type SubsidyClaimStatus = Schemas['SubsidyClaim']['status']
export type YouthCategory = Schemas['Youth']['category']
export type ImportKind = NonNullable<NonNullable<operations['listImports']['parameters']['query']>['kind']>
