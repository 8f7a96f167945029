import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Role } from '@/api/types'
import { can, menuFor, type AccessUser } from './access'
import { decideNavigation } from './guard'
import { routes, terminalRoute } from './routes'

// Resolving (not navigating) keeps lazy page components unloaded.
const resolver = createRouter({ history: createMemoryHistory(), routes })
const titles = (user: AccessUser) => menuFor(terminalRoute('/admin'), user).map((m) => m.title)
const session = (user: AccessUser) => ({ hasValidSession: () => true, role: user.role, user })

const USERS: AccessUser[] = [
  { role: 'CITY_ADMIN' },
  { role: 'DISTRICT_ADMIN' },
  ...['JW', 'TSW', 'KJJ', 'CZJ', 'RSJ', 'GAJ'].map((code) => ({ role: 'DEPARTMENT' as Role, departmentCode: code })),
]

describe('can', () => {
  const at = (path: string) => resolver.resolve(path)

  it('checks the roles of every matched record', () => {
    expect(can(at('/admin/audit'), { role: 'CITY_ADMIN' })).toBe(true)
    expect(can(at('/admin/audit'), { role: 'DISTRICT_ADMIN' })).toBe(false)
    expect(can(at('/admin/dashboard'), { role: 'BASE' })).toBe(false)
    expect(can(at('/admin/dashboard'), null)).toBe(false)
  })

  it('lets a department open a department page only when its code is listed', () => {
    expect(can(at('/admin/imports'), { role: 'DEPARTMENT', departmentCode: 'JW' })).toBe(true)
    expect(can(at('/admin/imports'), { role: 'DEPARTMENT', departmentCode: 'KJJ' })).toBe(false)
    expect(can(at('/admin/imports'), { role: 'DEPARTMENT', departmentCode: null })).toBe(false)
    expect(can(at('/admin/department-task'), { role: 'DEPARTMENT', departmentCode: 'KJJ' })).toBe(true)
    expect(can(at('/admin/subsidy-funds'), { role: 'DEPARTMENT', departmentCode: 'TSW' })).toBe(false)
  })

  it('does not apply the department list to other roles', () => {
    expect(can(at('/admin/imports'), { role: 'CITY_ADMIN' })).toBe(true)
    expect(can(at('/admin/milestones'), { role: 'DISTRICT_ADMIN' })).toBe(true)
    expect(can(at('/admin/imports'), { role: 'DISTRICT_ADMIN' })).toBe(false)
  })
})

describe('menuFor', () => {
  it('offers the shared data page to the city bureau and the education commission only', () => {
    expect(titles({ role: 'CITY_ADMIN' })).toContain('数据共享')
    expect(titles({ role: 'DEPARTMENT', departmentCode: 'JW' })).toContain('数据共享')
    expect(titles({ role: 'DEPARTMENT', departmentCode: 'TSW' })).not.toContain('数据共享')
    expect(titles({ role: 'DISTRICT_ADMIN' })).not.toContain('数据共享')
  })

  it('keeps the order of the routes and shows a redirect under its target', () => {
    const menu = menuFor(terminalRoute('/admin'), { role: 'CITY_ADMIN' })
    expect(menu.slice(0, 4).map((m) => m.path)).toEqual(['/admin', '/admin/dashboard', '/admin/milestones', '/admin/base-review'])
    expect(menu.find((m) => m.title === '已认定基地名录')?.path).toBe('/public/bases')
    expect(menu.at(-1)?.path).toBe('/admin/security')
  })

  it('gives a district its own work and none of the city bureau’s', () => {
    const menu = titles({ role: 'DISTRICT_ADMIN' })
    expect(menu).toEqual(expect.arrayContaining(['月报填报', '补贴审核', '历史数据导入', '消息通知']))
    expect(menu).not.toEqual(expect.arrayContaining(['审计日志']))
    for (const cityOnly of ['审计日志', '年度计划导入', '补贴标准', '放假安排', '本部门任务']) expect(menu).not.toContain(cityOnly)
  })

  it('builds the base terminal’s menu from its routes too', () => {
    const menu = menuFor(terminalRoute('/base'), { role: 'BASE' })
    expect(menu[0]).toMatchObject({ path: '/base', title: '首页' })
    expect(menu.map((m) => m.path)).not.toContain('/base/filing/receipt')
    expect(menu).toHaveLength(12)
  })

  it('agrees with the router guard for every admin page and every kind of staff', () => {
    const admin = terminalRoute('/admin')
    for (const user of USERS) {
      const offered = new Set(menuFor(admin, user).map((m) => m.path))
      for (const child of admin.children ?? []) {
        if (!child.meta?.icon || typeof child.redirect === 'string') continue
        const path = child.path ? `/admin/${child.path}` : '/admin'
        const allowed = decideNavigation(resolver.resolve(path), session(user)) === true
        expect(offered.has(path), `${user.role} ${user.departmentCode ?? ''} ${path}`).toBe(allowed)
      }
    }
  })
})
