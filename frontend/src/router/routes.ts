import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_ROLES } from '@/shared/roles'

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/LoginPage.vue'),
    meta: { public: true, title: '登录' },
  },
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('@/pages/ForbiddenPage.vue'),
    meta: { public: true, title: '无权访问' },
  },
  {
    path: '/register/base',
    name: 'register-base',
    component: () => import('@/pages/RegisterBasePage.vue'),
    meta: { public: true, title: '见习单位申请备案' },
  },
  {
    path: '/youth/register',
    name: 'youth-register',
    component: () => import('@/pages/YouthRegisterPage.vue'),
    meta: { public: true, title: '青年注册' },
  },
  {
    path: '/positions/:id(\\d+)',
    name: 'public-position',
    component: () => import('@/pages/PublicPositionPage.vue'),
    meta: { public: true, title: '岗位详情' },
  },
  {
    path: '/',
    name: 'root',
    // The guard sends signed-in users to their terminal and others to /login.
    component: () => import('@/pages/NotFoundPage.vue'),
  },
  {
    path: '/admin',
    component: () => import('@/terminals/admin/AdminLayout.vue'),
    meta: { roles: ADMIN_ROLES, title: '治理端' },
    children: [
      {
        path: '',
        name: 'admin-home',
        component: () => import('@/terminals/admin/AdminHome.vue'),
        meta: { title: '首页' },
      },
      {
        path: 'dashboard',
        name: 'admin-dashboard',
        component: () => import('@/terminals/admin/recruitment/RecruitmentDashboardPage.vue'),
        meta: { title: '募集看板' },
      },
      {
        path: 'base-review',
        name: 'admin-base-review',
        component: () => import('@/terminals/admin/recruitment/BaseReviewQueue.vue'),
        meta: { title: '基地备案审核' },
      },
      {
        path: 'bases',
        name: 'admin-bases',
        component: () => import('@/terminals/admin/recruitment/BaseListPage.vue'),
        meta: { title: '见习基地' },
      },
      {
        path: 'position-review',
        name: 'admin-position-review',
        component: () => import('@/terminals/admin/recruitment/PositionReviewPage.vue'),
        meta: { title: '岗位审核' },
      },
      {
        path: 'key-enterprises',
        name: 'admin-key-enterprises',
        component: () => import('@/terminals/admin/recruitment/KeyEnterprisesPage.vue'),
        meta: { title: '重点企业名单' },
      },
      {
        path: 'youth',
        name: 'admin-youth',
        component: () => import('@/terminals/admin/youth/YouthRegistryPage.vue'),
        meta: { title: '青年实名库' },
      },
      {
        path: 'service-rate',
        name: 'admin-service-rate',
        component: () => import('@/terminals/admin/youth/ServiceRatePage.vue'),
        meta: { title: '服务率' },
      },
      {
        path: 'imports',
        name: 'admin-imports',
        component: () => import('@/terminals/admin/youth/ImportsPage.vue'),
        // Departments: only the education commission (JW); the page checks the department code.
        meta: { roles: ['CITY_ADMIN', 'DEPARTMENT'], title: '数据共享' },
      },
      {
        path: 'internships',
        name: 'admin-internships',
        component: () => import('@/terminals/admin/internship/InternshipListPage.vue'),
        meta: { title: '见习管理' },
      },
      {
        path: 'subsidy-claims',
        name: 'admin-subsidy-claims',
        component: () => import('@/terminals/admin/internship/SubsidyReviewPage.vue'),
        meta: { roles: ['CITY_ADMIN', 'DISTRICT_ADMIN'], title: '补贴审核' },
      },
      {
        path: 'subsidy-totals',
        name: 'admin-subsidy-totals',
        component: () => import('@/terminals/admin/internship/SubsidyTotalsPage.vue'),
        meta: { title: '补贴统计' },
      },
      {
        path: 'subsidy-rates',
        name: 'admin-subsidy-rates',
        component: () => import('@/terminals/admin/internship/SubsidyRatesPage.vue'),
        meta: { roles: ['CITY_ADMIN'], title: '补贴标准' },
      },
      {
        path: 'plan-import',
        name: 'admin-plan-import',
        component: () => import('@/terminals/admin/PlanImport.vue'),
        meta: { roles: ['CITY_ADMIN'], title: '年度计划导入' },
      },
      {
        path: 'audit',
        name: 'admin-audit',
        component: () => import('@/terminals/admin/AuditLog.vue'),
        meta: { roles: ['CITY_ADMIN'], title: '审计日志' },
      },
    ],
  },
  {
    path: '/base',
    component: () => import('@/terminals/base/BaseLayout.vue'),
    meta: { roles: ['BASE'], title: '工作端' },
    children: [
      {
        path: '',
        name: 'base-home',
        component: () => import('@/terminals/base/BaseHome.vue'),
        meta: { title: '首页' },
      },
      {
        path: 'filing',
        name: 'base-filing',
        component: () => import('@/terminals/base/BaseFiling.vue'),
        meta: { title: '备案信息' },
      },
      {
        path: 'positions',
        name: 'base-positions',
        component: () => import('@/terminals/base/BasePositions.vue'),
        meta: { title: '岗位管理' },
      },
      {
        path: 'applications',
        name: 'base-applications',
        component: () => import('@/terminals/base/BaseApplications.vue'),
        meta: { title: '申请管理' },
      },
      {
        path: 'internships',
        name: 'base-internships',
        component: () => import('@/terminals/base/internship/BaseInternships.vue'),
        meta: { title: '见习人员' },
      },
      {
        path: 'internships/:id(\\d+)/agreement',
        name: 'base-agreement',
        component: () => import('@/terminals/base/internship/AgreementPrint.vue'),
        meta: { title: '见习协议' },
      },
      {
        path: 'confirmations',
        name: 'base-confirmations',
        component: () => import('@/terminals/base/internship/BaseConfirmations.vue'),
        meta: { title: '月度确认' },
      },
      {
        path: 'subsidies',
        name: 'base-subsidies',
        component: () => import('@/terminals/base/internship/BaseSubsidies.vue'),
        meta: { title: '补贴申领' },
      },
    ],
  },
  {
    path: '/youth',
    component: () => import('@/terminals/youth/YouthLayout.vue'),
    meta: { roles: ['YOUTH'], title: '见习通' },
    children: [
      {
        path: '',
        name: 'youth-home',
        component: () => import('@/terminals/youth/YouthHome.vue'),
        meta: { title: '首页' },
      },
      {
        path: 'positions',
        name: 'youth-positions',
        component: () => import('@/terminals/youth/YouthPositions.vue'),
        meta: { title: '岗位' },
      },
      {
        path: 'positions/:id(\\d+)',
        name: 'youth-position',
        component: () => import('@/terminals/youth/YouthPositionDetail.vue'),
        meta: { title: '岗位详情' },
      },
      {
        path: 'applications',
        name: 'youth-applications',
        component: () => import('@/terminals/youth/YouthApplications.vue'),
        meta: { title: '我的申请' },
      },
      {
        path: 'internship',
        name: 'youth-internship',
        component: () => import('@/terminals/youth/YouthInternship.vue'),
        meta: { title: '我的见习' },
      },
      {
        path: 'notifications',
        name: 'youth-notifications',
        component: () => import('@/terminals/youth/YouthNotifications.vue'),
        meta: { title: '消息' },
      },
      {
        path: 'me',
        name: 'youth-me',
        component: () => import('@/terminals/youth/YouthMe.vue'),
        meta: { title: '我的' },
      },
      {
        path: 'me/edit',
        name: 'youth-me-edit',
        component: () => import('@/terminals/youth/YouthProfileEdit.vue'),
        meta: { title: '编辑资料' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/NotFoundPage.vue'),
    meta: { public: true, title: '页面不存在' },
  },
]
