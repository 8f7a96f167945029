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
        path: 'me',
        name: 'youth-me',
        component: () => import('@/terminals/youth/YouthMe.vue'),
        meta: { title: '我的' },
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
